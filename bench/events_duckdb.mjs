// DuckDB side of scripts/bench-events: loads a GDELT 1.0 TSV (58 columns, no header) into a
// persistent DuckDB file, then times Q1-Q4 (first run + median of REPS).
//   node bench/events_duckdb.mjs TSV DBFILE [REPS=5] [RESULTS_DIR]
// Prints JSON lines; with RESULTS_DIR writes each answer in the canonical form of
// src/events/bench_queries.h to RESULTS_DIR/duckdb_QN.tsv.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const [tsv, db, repsArg, resultsDir] = process.argv.slice(2);
const reps = Number(repsArg || 5);
for (const f of [db, `${db}.wal`]) fs.rmSync(f, { force: true });

// GDELT 1.0 event columns with types; strings for codes so leading zeros survive.
const names = `GLOBALEVENTID SQLDATE MonthYear Year FractionDate
  Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
  Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
  IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
  Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
  Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
  ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
  DATEADDED SOURCEURL`.split(/\s+/);
const typeOf = (n) => {
  if (n === 'GLOBALEVENTID') return 'BIGINT';
  if (['SQLDATE', 'MonthYear', 'DATEADDED', 'NumMentions', 'NumSources', 'NumArticles'].includes(n)) return 'INTEGER';
  if (n === 'Year') return 'SMALLINT';
  if (['IsRootEvent', 'QuadClass'].includes(n) || n.endsWith('Geo_Type')) return 'TINYINT';
  if (['FractionDate', 'GoldsteinScale', 'AvgTone'].includes(n) || /Geo_(Lat|Long)$/.test(n)) return 'DOUBLE';
  return 'VARCHAR';
};
const columns = '{' + names.map((n) => `'${n}': '${typeOf(n)}'`).join(', ') + '}';

const sql = {
  Q1: `SELECT MonthYear, count(*), avg(GoldsteinScale) FROM events
       WHERE Actor1CountryCode = 'USA' AND Actor2CountryCode = 'KGZ' GROUP BY MonthYear ORDER BY MonthYear`,
  Q2: `SELECT EventCode, count(*) AS n FROM events
       WHERE Actor1CountryCode = 'USA' AND Actor2CountryCode = 'KGZ' AND SQLDATE BETWEEN 20100101 AND 20151231
       GROUP BY EventCode ORDER BY n DESC, EventCode LIMIT 10`,
  Q3: `SELECT Actor1CountryCode, Actor2CountryCode, count(*) AS n, avg(GoldsteinScale) AS g FROM events
       WHERE MonthYear = 201407 AND Actor1CountryCode <> '' AND Actor2CountryCode <> ''
         AND Actor1CountryCode <> Actor2CountryCode
       GROUP BY 1, 2 HAVING count(*) >= 50 ORDER BY g, n DESC, 1, 2 LIMIT 20`,
  Q4: `SELECT Year, QuadClass, count(*) FROM events GROUP BY Year, QuadClass ORDER BY Year, QuadClass`,
};

const instance = await DuckDBInstance.create(db);
const con = await instance.connect();
const info = (await con.runAndReadAll(`SELECT version() AS v, current_setting('threads') AS t`)).getRowObjects()[0];
console.log(JSON.stringify({ engine: 'duckdb', version: info.v, threads: String(info.t) }));

let t = performance.now();
await con.run(`CREATE TABLE events AS SELECT * FROM read_csv('${tsv}', delim = '\t', header = false,
               quote = '', escape = '', auto_detect = false, null_padding = true, columns = ${columns})`);
await con.run('CHECKPOINT');
const loadMs = performance.now() - t;
const rows = (await con.runAndReadAll('SELECT count(*) AS c FROM events')).getRowObjects()[0].c;
console.log(JSON.stringify({ step: 'load', rows: String(rows), ms: +loadMs.toFixed(1), bytes: fs.statSync(db).size }));

const fmtCell = (v, i, q) => {
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(6);
  if (typeof v === 'number' && ((q === 'Q1' && i === 2) || (q === 'Q3' && i === 3))) return v.toFixed(6);
  return String(v);
};
for (const [q, text] of Object.entries(sql)) {
  t = performance.now();
  let reader = await con.runAndReadAll(text);
  const first = performance.now() - t;
  const times = [];
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    reader = await con.runAndReadAll(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const out = reader.getRows();
  console.log(JSON.stringify({ query: q, first_ms: +first.toFixed(3), median_ms: +times[Math.floor(times.length / 2)].toFixed(3),
                               result_rows: out.length }));
  if (resultsDir) {
    fs.writeFileSync(`${resultsDir}/duckdb_${q}.tsv`, out.map((r) => r.map((v, i) => fmtCell(v, i, q)).join('\t') + '\n').join(''));
  }
}
