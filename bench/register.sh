#!/usr/bin/env bash
# The register at full national size (issue 4), three measures on the published Release builds:
#  (a) a generated FULL dump (46.8 million rows, ~2.2 GB) → a ready atlas: `atlas import kbo` (parse, load, index,
#      search index, specialisation counts), then the first specialisation and search answers; wall time and peak
#      memory (GNU time -v) of each step.
#  (b) the municipality × NACE-division table of establishments from the same CSV files: the atlas's streaming
#      path against DuckDB (DuckDB.NET.Data.Full, in bench/Atlas.RegisterBench only) running the equivalent SQL,
#      in the same run, with a check that both tables are equal.
#  (c) the real daily update extract 147 applied to the full register (on a copy of it).
# Needs ~2.2 GB in $TMPDIR for the dump and ~1.7 GB for the register; both are deleted at the end (KEEP=1 keeps them).
# Usage: bench/register.sh [SCALE]   (default 1: the real size; SEED=1)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
SCALE=${1:-1}
SEED=${SEED:-1}
UPDATE="$ROOT/tests/fixtures/kbo/KboOpenData_0147_2025_10_12_Update"
need /usr/bin/time:time
work=$(mktemp -d)
dump="$work/dump"
cleanup() { [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT

echo "free space in $work: $(df -h "$work" | awk 'NR==2 {print $4}') (needs ~4 GB at scale 1)"
publish_atlas "$work/atlas"
dotnet publish "$ROOT/bench/Atlas.KboGenerator" -c Release -o "$work/generator" --nologo -v quiet >/dev/null
dotnet publish "$ROOT/bench/Atlas.RegisterBench" -c Release -o "$work/bench" --nologo -v quiet >/dev/null

# GNU time's wall clock (s) and maximum resident set (MB) of a command; its output goes to $work/last.out
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" || { cat "$work/last.err" >&2; return 1; }
  read -r secs kb <"$work/time"
  printf "%8.2f s  %6d MB" "$secs" $((kb / 1024))
}

echo "generating a full dump at scale $SCALE (seed $SEED) …"
"$work/generator/kbo-generator" --out "$dump" --scale "$SCALE" --seed "$SEED" --data "$ROOT/data" \
  --codes "$UPDATE/code.csv" --include "$UPDATE" | tail -2
du -sh "$dump" | awk '{print "dump on disk: " $1}'

echo
echo "(a) full dump → ready atlas"
A="$work/atlas/atlas"
DB=(--db "$work/atlas.db" --data "$ROOT/data")
echo "  import kbo (full)                         $(timed "$A" import kbo "$dump" -q "${DB[@]}")"
grep -E "^Imported|^Addresses" "$work/last.out" | sed 's/^/    /'
echo "  first /api/places/ghent/specialisation    $(timed "$A" get '/api/places/ghent/specialisation?level=division' "${DB[@]}")"
echo "  first /api/places/brussels/specialisation $(timed "$A" get '/api/places/brussels/specialisation?level=class' "${DB[@]}")"
echo "  first /api/organisations?q=brasserie      $(timed "$A" get '/api/organisations?q=brasserie%20liege' "${DB[@]}")"
ls -l "$work/atlas.register.db" | awk '{printf "  register file: %.2f GB\n", $5 / 1e9}'

echo
echo "(b) municipality × NACE division, establishments, from the CSV files"
echo "  atlas (streaming C#)                      $(timed "$work/bench/register-bench" atlas "$dump" "$ROOT/data")"
sed 's/^/    /' "$work/last.out"
echo "  DuckDB.NET 1.5.6.1 (SQL over the CSV)     $(timed "$work/bench/register-bench" duckdb "$dump" "$ROOT/data")"
sed 's/^/    /' "$work/last.out"
echo "  both in one process, tables compared:"
"$work/bench/register-bench" both "$dump" "$ROOT/data" | sed 's/^/    /'

echo
echo "(c) the daily update 147 applied to the full register"
for run in 1 2 3; do
  cp "$work/atlas.register.db" "$work/copy.register.db"
  cp "$work/atlas.db" "$work/copy.db"
  sync   # the copy is flushed before the clock starts: the update's own fsync must not pay for it
  echo "  run $run: import kbo (update 147)            $(timed "$A" import kbo "$UPDATE" -q --db "$work/copy.db" --data "$ROOT/data")"
done
grep -E "^Imported|units whose" "$work/last.out" | sed 's/^/    /'
