#!/usr/bin/env bash
# Cold start: `atlas serve` from process start to the first 200 response, on the published Release build.
#  - first start: no database yet (validate the data files, create, seed, serve)
#  - restart: the database already holds the current data (hash check only)
#  - restart with the data built into the program (no --data: as an installed tool runs)
# Usage: bench/cold-start.sh [RUNS]   (default 10)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
RUNS=${1:-10}
PORT=${PORT:-5090}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"

measure() { # $1 = remove the database first (1/0), $2 = data folder (empty: the built-in data); prints ms to first 200 on /api/places/ghent
  [ "$1" = 1 ] && rm -f "$work"/atlas.db*
  local data=(); [ -n "${2-}" ] && data=(--data "$2")
  local start; start=$(now_ms)
  HOME="$work/home" "$work/atlas/atlas" serve --port "$PORT" --db "$work/atlas.db" "${data[@]}" >/dev/null 2>&1 &
  local pid=$!
  wait_for "http://127.0.0.1:$PORT/api/places/ghent" 30
  echo $(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms (%d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'; }

measure 1 "$ROOT/data" >/dev/null # warm the file cache
echo "first start (create + validate + seed):  $(for _ in $(seq "$RUNS"); do measure 1 "$ROOT/data"; done | stats)"
echo "restart (database up to date):           $(for _ in $(seq "$RUNS"); do measure 0 "$ROOT/data"; done | stats)"
measure 1 "" >/dev/null # the built-in data: written out once, then found
echo "restart, built-in data (no --data):      $(for _ in $(seq "$RUNS"); do measure 0 ""; done | stats)"
