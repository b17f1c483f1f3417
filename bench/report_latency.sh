#!/usr/bin/env bash
# `dyad report A B` as a whole process over KGZ-USA and the twenty pairs of
# tests/relations/pair_coverage_test.cc, with every bundled source: the default (text packs
# of data/packs + the knowledge-base snapshot of data/kb-packs) beside the same data read
# as text (--packs with every pack directory; TEXT_RUNS runs each, default 1). Prints the median and maximum wall time and
# the largest resident set of each. Usage: bench/report_latency.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build}
runs=${2:-3}
dyad="$build/dyad"
home=$(cd "$(dirname "$0")/.." && pwd)
pairs="KGZ:USA GMB:ISR AUT:XKX SAU:TUR FRA:DEU IND:PAK RUS:UKR BRA:ARG JPN:KOR NGA:GHA CAN:MEX
       EGY:ETH IDN:AUS CHL:PER KEN:TZA VNM:CHN NOR:SWE MAR:DZA KAZ:MNG FJI:NZL URY:PRY"
text_packs=()
for d in "$home"/data/packs/* "$home"/data/kb-packs/*; do
  [[ -d $d && $(basename "$d") != compiled ]] && text_packs+=(--packs "$d")
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$dyad" report KGZ USA --format json -o "$out/warm.json" 2>/dev/null  # compiles a stale snapshot once

measure() {  # label, extra args...
  local label=$1; shift
  : > "$out/times"
  for pair in $pairs; do
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -f "%e %M" -o "$out/t" "$dyad" report "${pair%%:*}" "${pair##*:}" --format json \
        -o "$out/d.json" "$@" 2>/dev/null
      cat "$out/t" >> "$out/times"
    done
  done
  sort -n "$out/times" | awk -v label="$label" '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { printf "%-34s median %4.0f ms  max %5.0f ms  max RSS %4.0f MB  (%d runs)\n",
          label, 1000 * t[int((NR + 1) / 2)], 1000 * t[NR], m / 1024, NR }'
}

measure "dyad report (snapshot, default)"
runs=${TEXT_RUNS:-1} measure "dyad report (all packs as text)" "${text_packs[@]}"
