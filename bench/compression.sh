#!/usr/bin/env bash
# What compression changes: the bytes over the wire of the home page, a city page and /api/facts, plain, gzip and
# Brotli; then the throughput of the same three addresses served from the output cache, without and with
# Accept-Encoding, under the load of bench/api-vs-nginx.sh (wrk: 2 threads, 64 connections, DURATION seconds after a
# warm-up). ATLAS_DIR=DIR runs an atlas published there instead of publishing this clone (to compare another build).
# Usage: bench/compression.sh   (DURATION=30 WARMUP=5 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
PORT=${PORT:-5187}
need wrk:wrk curl:curl
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

atlas_dir=${ATLAS_DIR:-}
if [ -z "$atlas_dir" ]; then
  atlas_dir="$work/atlas"
  publish_atlas "$atlas_dir"
fi
BASE="http://127.0.0.1:$PORT"
if curl -s -o /dev/null "$BASE/"; then echo "port $PORT is taken: choose another with PORT=N" >&2; exit 1; fi
"$atlas_dir/atlas" serve --port $PORT --db "$work/atlas.db" --data "$ROOT/data" >"$work/atlas.log" 2>&1 &
atlas_pid=$!
wait_for "$BASE/api/places/ghent" 60
kill -0 "$atlas_pid" # the atlas that answers is the one started here
PATHS=("/en/" "/en/places/ghent" "/api/facts")

echo "bytes over the wire (body):"
printf '  %-20s %10s %10s %10s\n' "address" "plain" "gzip" "br"
for path in "${PATHS[@]}"; do
  sizes=()
  for coding in identity gzip br; do
    sizes+=("$(curl -fsS -H "Accept-Encoding: $coding" "$BASE$path" | wc -c)")
  done
  printf '  %-20s %10s %10s %10s\n' "$path" "${sizes[@]}"
done

# prints "requests/s p50_ms p99_ms" for a URL and an Accept-Encoding
run_wrk() {
  wrk -t2 -c64 -d"${WARMUP}s" -H "Accept-Encoding: $2" "$1" >/dev/null
  wrk -t2 -c64 -d"${DURATION}s" --latency -H "Accept-Encoding: $2" "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

echo
echo "served from the output cache (wrk -t2 -c64 -d${DURATION}s; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %-20s %-9s %12s %10s %10s %10s\n' "address" "coding" "requests/s" "p50 ms" "p99 ms" "vs plain"
for path in "${PATHS[@]}"; do
  plain=""
  for coding in identity gzip br; do
    read -r rps p50 p99 < <(run_wrk "$BASE$path" "$coding")
    [ -z "$plain" ] && plain=$rps
    printf '  %-20s %-9s %12s %10s %10s %9.0f%%\n' "$path" "$coding" "$rps" "$p50" "$p99" "$(echo "100 * $rps / $plain" | bc -l)"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $(nproc) cores"
