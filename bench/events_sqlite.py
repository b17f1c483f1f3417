#!/usr/bin/env python3
"""SQLite side of scripts/bench-events.

  events_sqlite.py TSV DBFILE [REPS=5] [RESULTS_DIR]

Loads the GDELT 1.0 TSV with the sqlite3 shell's .import into a 58-column table, builds an
index on the dyad (Actor1CountryCode, Actor2CountryCode, SQLDATE) and one on the month
(MonthYear, Actor1CountryCode, Actor2CountryCode, GoldsteinScale), runs ANALYZE, then times
Q1-Q4 in-process (first run + median of REPS). Prints JSON lines; with RESULTS_DIR writes
each answer in the canonical form of src/events/bench_queries.h to RESULTS_DIR/sqlite_QN.tsv.
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

COLUMNS = ("GLOBALEVENTID:INTEGER SQLDATE:INTEGER MonthYear:INTEGER Year:INTEGER FractionDate:REAL "
           "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
           "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
           "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
           "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
           "IsRootEvent:INTEGER EventCode EventBaseCode EventRootCode QuadClass:INTEGER "
           "GoldsteinScale:REAL NumMentions:INTEGER NumSources:INTEGER NumArticles:INTEGER AvgTone:REAL "
           "Actor1Geo_Type:INTEGER Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
           "Actor1Geo_Lat:REAL Actor1Geo_Long:REAL Actor1Geo_FeatureID "
           "Actor2Geo_Type:INTEGER Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
           "Actor2Geo_Lat:REAL Actor2Geo_Long:REAL Actor2Geo_FeatureID "
           "ActionGeo_Type:INTEGER ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
           "ActionGeo_Lat:REAL ActionGeo_Long:REAL ActionGeo_FeatureID DATEADDED:INTEGER SOURCEURL").split()

QUERIES = {
    "Q1": "SELECT MonthYear, count(*), avg(GoldsteinScale) FROM events WHERE Actor1CountryCode='USA' "
          "AND Actor2CountryCode='KGZ' GROUP BY MonthYear ORDER BY MonthYear",
    "Q2": "SELECT EventCode, count(*) AS n FROM events WHERE Actor1CountryCode='USA' AND "
          "Actor2CountryCode='KGZ' AND SQLDATE BETWEEN 20100101 AND 20151231 GROUP BY EventCode "
          "ORDER BY n DESC, EventCode LIMIT 10",
    "Q3": "SELECT Actor1CountryCode, Actor2CountryCode, count(*) AS n, avg(GoldsteinScale) AS g FROM events "
          "WHERE MonthYear=201407 AND Actor1CountryCode<>'' AND Actor2CountryCode<>'' AND "
          "Actor1CountryCode<>Actor2CountryCode GROUP BY 1, 2 HAVING count(*)>=50 "
          "ORDER BY g, n DESC, 1, 2 LIMIT 20",
    "Q4": "SELECT Year, QuadClass, count(*) FROM events GROUP BY Year, QuadClass ORDER BY Year, QuadClass",
}


def schema():
    cols = []
    for c in COLUMNS:
        name, _, typ = c.partition(":")
        cols.append("%s %s" % (name, typ or "TEXT"))
    return "CREATE TABLE events(%s);" % ", ".join(cols)


def load(tsv, db):
    for f in (db, db + "-journal", db + "-wal"):
        if os.path.exists(f):
            os.remove(f)
    script = "%s\n.mode tabs\n.import '%s' events\n" % (schema(), tsv)
    t = time.perf_counter()
    subprocess.run(["sqlite3", db], input=script.encode(), check=True)
    return time.perf_counter() - t


def cell(v, i, q):
    if isinstance(v, float) and ((q == "Q1" and i == 2) or (q == "Q3" and i == 3)):
        return "%.6f" % v
    return str(v)


def main():
    tsv, db = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    results = sys.argv[4] if len(sys.argv) > 4 else ""
    load_s = load(tsv, db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA cache_size=-1048576")
    print(json.dumps({"engine": "sqlite", "version": sqlite3.sqlite_version}))
    t = time.perf_counter()
    con.execute("CREATE INDEX idx_dyad ON events(Actor1CountryCode, Actor2CountryCode, SQLDATE)")
    con.execute("CREATE INDEX idx_month ON events(MonthYear, Actor1CountryCode, Actor2CountryCode, GoldsteinScale)")
    con.execute("ANALYZE")
    con.commit()
    index_s = time.perf_counter() - t
    rows = con.execute("SELECT count(*) FROM events").fetchone()[0]
    print(json.dumps({"step": "load", "rows": rows, "ms": round(load_s * 1e3, 1),
                      "index_ms": round(index_s * 1e3, 1), "bytes": os.path.getsize(db)}))
    for q, sql in QUERIES.items():
        t = time.perf_counter()
        out = con.execute(sql).fetchall()
        first = time.perf_counter() - t
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            out = con.execute(sql).fetchall()
            times.append(time.perf_counter() - t)
        print(json.dumps({"query": q, "first_ms": round(first * 1e3, 3),
                          "median_ms": round(statistics.median(times) * 1e3, 3), "result_rows": len(out)}))
        if results:
            with open(os.path.join(results, "sqlite_%s.tsv" % q), "w") as f:
                for r in out:
                    f.write("\t".join(cell(v, i, q) for i, v in enumerate(r)) + "\n")


if __name__ == "__main__":
    main()
