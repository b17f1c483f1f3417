#!/usr/bin/env bash
# The whole `dyad report A B` process, two binaries alternated on the same data:
#   bench/report_time.sh OLD_DYAD NEW_DYAD [RUNS=10] [A=KGZ] [B=USA] [FORMAT=html]
# Prints every run and the median wall and user seconds of each binary. Run from the
# repository root (the binaries find data/ from there); it writes to a temporary file.
set -euo pipefail
old=$1 new=$2 runs=${3:-10} a=${4:-KGZ} b=${5:-USA} format=${6:-html}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 1; i <= runs; i++)); do
  for which in old new; do
    bin=$old; [[ $which == new ]] && bin=$new
    /usr/bin/time -f "%e %U %M" -o "$out/t" "$bin" report "$a" "$b" --format "$format" -o "$out/page.$which"
    echo "$which $(cat "$out/t")" | tee -a "$out/all"
  done
done
cmp -s "$out/page.old" "$out/page.new" && echo "outputs identical" || echo "outputs DIFFER"
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for which in old new; do
  wall=$(awk -v w=$which '$1 == w {print $2}' "$out/all" | median)
  user=$(awk -v w=$which '$1 == w {print $3}' "$out/all" | median)
  rss=$(awk -v w=$which '$1 == w {print $4}' "$out/all" | median)
  echo "$which: median wall ${wall} s, median user ${user} s, median peak RSS ${rss} KB over $runs runs"
done
