// DuckDB side of bench/dyad_years_bench: computes the table of `dyad export dyad-years`
// from the same source files (../shared/data/relations and world/peacesciencer), then
// writes it as CSV, ordered like dyad's (year, cow_a, cow_b).
//   node bench/dyad_years_duckdb.mjs SHARED_DATA UN_XWALK FROM TO OUT.csv
// UN_XWALK is the ISO alpha-2 / name -> COW mapping dyad's importer used for each roll-call
// date (written by the bench program), so both sides map codes the same way.
import { DuckDBInstance } from '@duckdb/node-api';
import { performance } from 'node:perf_hooks';

const [data, xwalk, from, to, out] = process.argv.slice(2);
const rel = `${data}/relations`, ps = `${data}/world/peacesciencer`;
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const q = (s) => c.run(s);

await q(`CREATE TABLE sy AS SELECT DISTINCT ccode, y.range::INTEGER AS year
  FROM read_csv('${ps}/cow_states.csv') s, range(${from}, ${Number(to) + 1}) y
  WHERE y.range BETWEEN s.styear AND s.endyear`);
await q(`CREATE TABLE dy AS SELECT a.year, a.ccode AS cow_a, b.ccode AS cow_b FROM sy a JOIN sy b
  ON a.year = b.year AND a.ccode <> b.ccode`);
await q(`CREATE TABLE atop AS SELECT * FROM read_csv('${rel}/atop/atop_alliance.csv.gz')`);
await q(`CREATE TABLE trade AS SELECT ccode1, ccode2, year, flow1, flow2 FROM read_csv('${rel}/cow_trade/cow_trade_ddy.csv.gz')`);
await q(`CREATE TABLE igo AS SELECT ccode1, ccode2, year, dyadigos FROM read_csv('${ps}/cow_igo_ndy.csv')
  UNION ALL SELECT ccode2, ccode1, year, dyadigos FROM read_csv('${ps}/cow_igo_ndy.csv')`);
await q(`CREATE TABLE mid AS SELECT ccode1, ccode2, year, max(disponset) AS onset FROM read_csv('${rel}/conflict/cow_mid_dirdisps.csv')
  GROUP BY ALL`);
await q(`CREATE TABLE cont AS SELECT ccode1, ccode2, y.range::INTEGER AS year, min(conttype) AS conttype
  FROM read_csv('${ps}/cow_contdir.csv') c, range(${from}, ${Number(to) + 1}) y
  WHERE conttype > 0 AND y.range BETWEEN year(stdate) AND year(enddate) GROUP BY ALL`);  // type 0 spells: not contiguous
// UN votes: roll-call year from its date; states through the crosswalk; pairs by self-join.
await q(`CREATE TABLE calls AS SELECT rcid, date FROM read_csv('${rel}/unvotes/un_roll_calls.csv.gz')`);
await q(`CREATE TABLE xw AS SELECT * FROM read_csv('${xwalk}', header = true, delim = '\t', quote = '',
  columns = {'date': 'DATE', 'code': 'VARCHAR', 'name': 'VARCHAR', 'cow': 'INTEGER'})`);
await q(`CREATE TABLE v AS SELECT DISTINCT ON (v.rcid, xw.cow) v.rcid, year(calls.date) AS year, xw.cow, v.vote
  FROM read_csv('${rel}/unvotes/un_votes.csv.gz', nullstr = '', types = {'country_code': 'VARCHAR'}) v
  JOIN calls USING (rcid)
  JOIN xw ON xw.date = calls.date AND coalesce(xw.code, '') = coalesce(v.country_code, '') AND xw.name = v.country
  ORDER BY v.rcid, xw.cow`);
await q(`CREATE TABLE un AS SELECT a.year, a.cow AS cow_a, b.cow AS cow_b, count(*) AS both_, sum((a.vote = b.vote)::INTEGER) AS agree
  FROM v a JOIN v b ON a.rcid = b.rcid AND a.cow <> b.cow GROUP BY ALL`);
const cov = (lo, hi, expr) => `CASE WHEN dy.year BETWEEN ${lo} AND ${hi} THEN ${expr} END`;
await q(`COPY (SELECT dy.year, dy.cow_a, dy.cow_b,
    ${cov(1815, 2018, 'coalesce(atop.atop_defense, 0)')} AS atop_defense,
    ${cov(1815, 2018, 'coalesce(atop.atop_offense, 0)')} AS atop_offense,
    ${cov(1815, 2018, 'coalesce(atop.atop_neutral, 0)')} AS atop_neutral,
    ${cov(1815, 2018, 'coalesce(atop.atop_nonagg, 0)')} AS atop_nonagg,
    ${cov(1815, 2018, 'coalesce(atop.atop_consul, 0)')} AS atop_consul,
    trade.flow1 AS trade_a_from_b, trade.flow2 AS trade_b_from_a,
    ${cov(1946, 2020, 'coalesce(un.both_, 0)')} AS un_votes_both,
    un.agree / un.both_ AS un_agree,
    ${cov(1816, 2014, 'coalesce(igo.dyadigos, 0)')} AS cow_igo_shared,
    ${cov(1816, 2014, 'coalesce(mid.onset, 0)')} AS mid_onset,
    ${cov(1816, 2014, 'CASE WHEN mid.onset IS NULL THEN 0 ELSE 1 END')} AS mid_ongoing,
    ${cov(1816, 2016, 'coalesce(cont.conttype, 0)')} AS contiguity
  FROM dy
  LEFT JOIN atop ON atop.ccode1 = dy.cow_a AND atop.ccode2 = dy.cow_b AND atop.year = dy.year
  LEFT JOIN trade ON trade.ccode1 = dy.cow_a AND trade.ccode2 = dy.cow_b AND trade.year = dy.year
  LEFT JOIN un ON un.cow_a = dy.cow_a AND un.cow_b = dy.cow_b AND un.year = dy.year
  LEFT JOIN igo ON igo.ccode1 = dy.cow_a AND igo.ccode2 = dy.cow_b AND igo.year = dy.year
  LEFT JOIN mid ON mid.ccode1 = dy.cow_a AND mid.ccode2 = dy.cow_b AND mid.year = dy.year
  LEFT JOIN cont ON cont.ccode1 = dy.cow_a AND cont.ccode2 = dy.cow_b AND cont.year = dy.year
  ORDER BY dy.year, dy.cow_a, dy.cow_b) TO '${out}' (HEADER, DELIMITER ',')`);
const rows = await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_csv('${out}')`);
console.log(JSON.stringify({ engine: 'duckdb', seconds: (performance.now() - t0) / 1000, rows: rows.getRows()[0][0] }));
