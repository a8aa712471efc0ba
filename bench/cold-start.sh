#!/usr/bin/env bash
# Cold start: `atlas serve` from process start to the first 200 response, on the published Release build.
#  - first start: no database yet (validate the data files, create, seed, serve)
#  - restart: the database already holds the current data (hash check only)
# Usage: bench/cold-start.sh [RUNS]   (default 10)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
RUNS=${1:-10}
PORT=${PORT:-5090}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"

measure() { # $1 = remove the database first (1/0); prints ms to first 200 on /api/places/ghent
  [ "$1" = 1 ] && rm -f "$work"/atlas.db*
  local start; start=$(now_ms)
  "$work/atlas/atlas" serve --port "$PORT" --db "$work/atlas.db" --data "$ROOT/data" >/dev/null 2>&1 &
  local pid=$!
  wait_for "http://127.0.0.1:$PORT/api/places/ghent" 30
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (%d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

measure 1 >/dev/null # warm the file cache
echo "first start (create + validate + seed):  $(for _ in $(seq "$RUNS"); do measure 1; done | stats)"
echo "restart (database up to date):           $(for _ in $(seq "$RUNS"); do measure 0; done | stats)"
