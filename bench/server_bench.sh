#!/usr/bin/env bash
# The server beside nginx, in one run, on loopback: wrk at 1, 16 and 64 connections for
# /api/resolve?q=Kyrgyzstan, /api/states/KGZ and the KGZ-USA dossier JSON, from dyad serve
# and from nginx serving the same bytes (fetched from dyad first) as static files.
# Prints req/s, p50 and p99 latency and errors for each, and dyad's resident memory before
# and after. Not run by CI (docs/BENCHMARKS.md has the figures).
#
# usage: bench/server_bench.sh [BUILD_DIR] [SECONDS per run, default 10] [THREADS for wrk, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"; SECS="${2:-10}"; WRK_THREADS="${3:-2}"
DYAD="$BUILD/dyad"

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ "${#need[@]}" -gt 0 ]; then
  echo "server_bench: installing ${need[*]} (Debian)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  # Keep nginx's package from starting the system service on port 80.
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
fi

work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as an unprivileged user
DPORT=18431; NPORT=18432
cleanup() {
  [ -n "${DPID:-}" ] && kill "$DPID" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$DYAD" serve --port "$DPORT" --limit worker_threads=2 >"$work/serve.out" 2>"$work/serve.err" &
DPID=$!
# dyad serve loads every state's snapshot chunks first (about 6 s idle): wait up to 60 s.
for _ in $(seq 600); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done

# The same bytes for nginx: one static file per benchmarked answer.
mkdir -p "$work/www"
declare -A PATHS=([resolve]="/api/resolve?q=Kyrgyzstan" [state]="/api/states/KGZ" [dossier]="/api/pairs/KGZ/USA/dossier.json")
for name in resolve state dossier; do
  curl -sf "http://127.0.0.1:$DPORT${PATHS[$name]}" -o "$work/www/$name.json"
done
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 100000;
  types { application/json json; }
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$NPORT; root $work/www; }
}
CONF
mkdir -p "$work/tmp"
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5

rss() { awk '/VmRSS/ {print $2}' "/proc/$DPID/status"; }
echo "server_bench: $(nproc) cores, wrk $WRK_THREADS threads, $SECS s per run; dyad RSS before: $(rss) kB"
for name in resolve state dossier; do
  printf '  %-8s %6s bytes: %s\n' "$name" "$(stat -c %s "$work/www/$name.json")" "${PATHS[$name]}"
done
printf '\n%-8s %5s  %-6s %10s %9s %9s %7s\n' answer conns server req/s p50_ms p99_ms errors
run() {  # name conns server url
  local out; out=$(wrk -t"$WRK_THREADS" -c"$2" -d"${SECS}s" --latency "$4" 2>&1)
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx|Socket errors/ {e=1; print} END {if (!e) print "0"}' <<<"$out" | tr '\n' ' ')
  ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v); print v+0 } else { sub(/s/,"",v); print v*1000 } }'; }
  printf '%-8s %5s  %-6s %10s %9.3f %9.3f %7s\n' "$1" "$2" "$3" "$rps" "$(ms "$p50")" "$(ms "$p99")" "$errs"
}
for name in resolve state dossier; do
  for c in 1 16 64; do
    t=$WRK_THREADS; [ "$c" -lt "$t" ] && t=$c
    WRK_THREADS=$t run "$name" "$c" dyad "http://127.0.0.1:$DPORT${PATHS[$name]}"
    WRK_THREADS=$t run "$name" "$c" nginx "http://127.0.0.1:$NPORT/$name.json"
  done
done
echo
echo "server_bench: dyad RSS after: $(rss) kB"
