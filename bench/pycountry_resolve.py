#!/usr/bin/python3
"""pycountry on the resolver benchmark's names, for comparison with dyad.

Usage: pycountry_resolve.py NAMES.tsv [REPEAT]
NAMES.tsv has lines `input<TAB>expected` (expected: ISO alpha-3, or NA for must not match),
as written by bench/resolver_bench. Two strategies are measured:
  lookup  pycountry.countries.lookup(name), then historic_countries.lookup(name): exact,
          case-insensitive on every field (codes, names, official names).
  fuzzy   lookup, and on LookupError search_fuzzy(name)[0] (what users usually do).
Prints one line per strategy:
  pycountry-<strategy> rows=N right=R wrong=W missed=M nomatch_rows=K nomatch_hits=H names_per_s=X
names_per_s is per second of CPU time (time.process_time), like resolver_bench's figures.
Uses Debian's python3-pycountry (run with /usr/bin/python3).
"""
import sys
import time

import pycountry


def lookup(name):
    for db in (pycountry.countries, pycountry.historic_countries):
        try:
            return db.lookup(name).alpha_3
        except LookupError:
            pass
    return ""


def fuzzy(name):
    code = lookup(name)
    if code:
        return code
    try:
        hits = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return ""
    return hits[0].alpha_3 if hits else ""


def evaluate(rows, resolve):
    right = wrong = missed = nomatch_rows = nomatch_hits = 0
    for name, expected in rows:
        got = resolve(name)
        if expected == "NA":
            nomatch_rows += 1
            nomatch_hits += bool(got)
        elif got == expected:
            right += 1
        elif got:
            wrong += 1
        else:
            missed += 1
    return right, wrong, missed, nomatch_rows, nomatch_hits


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, encoding="utf-8") as f:
        rows = [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]
    for label, resolve, times in (("lookup", lookup, repeat), ("fuzzy", fuzzy, 1)):
        right, wrong, missed, nomatch_rows, nomatch_hits = evaluate(rows, resolve)
        start, wall = time.process_time(), time.perf_counter()
        for _ in range(times):
            for name, _expected in rows:
                resolve(name)
        rate = times * len(rows) / (time.process_time() - start)
        wall_rate = times * len(rows) / (time.perf_counter() - wall)
        expecting = len(rows) - nomatch_rows
        print(f"pycountry-{label} rows={expecting} right={right} wrong={wrong} missed={missed} "
              f"nomatch_rows={nomatch_rows} nomatch_hits={nomatch_hits} names_per_s={rate:.0f} "
              f"(wall {wall_rate:.0f})")


if __name__ == "__main__":
    main()
