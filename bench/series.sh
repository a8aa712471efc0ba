#!/usr/bin/env bash
# Official series (issue 14), on the published Release build:
#  (a) `atlas import series` of 100,000 observations of SDMX-CSV (Eurostat's sts_inpr_m layout: 500 monthly series of
#      200 months), whole run from process start to exit, into a fresh series file, three times; then the same file
#      again (nothing changes: the content hash is known).
#  (b) page render time under wrk on loopback, every request with a unique ?_=N so that the output cache never answers
#      (uncached), and one address repeated (served from the cache), as bench/pages.sh does.
# Usage: bench/series.sh   (DURATION=15 CONNECTIONS=8 RUNS=3 by default; IMPORT_ONLY=1 stops after (a))
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
RUNS=${RUNS:-3}
PORT=5084
need wrk:wrk curl:curl /usr/bin/time:time bc:bc
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"
atlas="$work/atlas/atlas"

# 25 countries × 4 adjustments × 5 activities × 200 months; values made up, deterministic
awk 'BEGIN {
  print "DATAFLOW,LAST UPDATE,freq,indic_bt,nace_r2,s_adj,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"
  split("AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE", geo, " ")
  split("NSA CA SA SCA", adj, " "); split("B-D B C D MIG_ING", nace, " ")
  n = 0
  for (g = 1; g <= 25; g++) for (a = 1; a <= 4; a++) for (c = 1; c <= 5; c++) {
    for (i = 0; i < 200; i++)
      printf "ESTAT:STS_INPR_M(1.0),16/07/25 11:00:00,M,PRD,%s,%s,I21,%s,%d-%02d,%d.%d,\n", nace[c], adj[a], geo[g], 2010 + int(i / 12), i % 12 + 1, 80 + (i * 7 + n) % 40, i % 10
    n++
  }
}' > "$work/100k.csv"
echo "file: $(($(wc -l < "$work/100k.csv") - 1)) observations, $(du -h "$work/100k.csv" | cut -f1)"

# wall time, CPU time (user + system: what the run costs whatever else shares the cores) and peak memory
echo "(a) atlas import series, whole run (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
for run in $(seq 1 "$RUNS"); do
  rm -f "$work"/import.series.db*
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$atlas" import series "$work/100k.csv" --db "$work/import.db" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r secs user sys kb < "$work/time"
  printf "  run %d: wall %5.2f s  cpu %5.2f s  %4d MB   (%s)\n" "$run" "$secs" "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$(grep -o '100,000 rows in [0-9.]* s' "$work/out")"
done
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$atlas" import series "$work/100k.csv" --db "$work/import.db" >"$work/out" 2>&1
read -r secs user sys kb < "$work/time"
printf "  the same file again: wall %5.2f s  cpu %5.2f s  %4d MB   (%s)\n" "$secs" "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$(grep -o 'imported already' "$work/out")"
[ "${IMPORT_ONLY:-0}" = 1 ] && exit 0

echo "(b) pages (wrk -t2 -c$CONNECTIONS -d${DURATION}s):"
"$atlas" serve --port $PORT --db "$work/atlas.db" --data "$ROOT/data" >"$work/atlas.log" 2>&1 &
BASE="http://127.0.0.1:$PORT"
wait_for "$BASE/en/series" 60

cat > "$work/unique.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_=" .. counter .. "-" .. math.random(1000000000))
end
LUA

printf '%-66s %-9s %9s %8s %8s %8s\n' "page" "mode" "req/s" "p50 ms" "p90 ms" "p99 ms"
for path in "/en/series/NBB.INDUSTRIAL_PROD.M.SA" "/fr/series/NBB.INDUSTRIAL_PROD.M.SA?measure=yoy" \
            "/en/facts/belgium-industrial-production-change-2025-05/check" "/nl/series/STATBEL.ESTABLISHMENT_UNITS.Q.44021" \
            "/en/series" "/api/series/NBB.INDUSTRIAL_PROD.M.SA?measure=yoy&from=2024-01"; do
  for mode in rendered served; do
    script=()
    [ "$mode" = rendered ] && script=(-s "$work/unique.lua")
    wrk -t2 -c"$CONNECTIONS" -d3s "${script[@]}" "$BASE$path" >/dev/null
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$BASE$path" | awk -v p="$path" -v m="$mode" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /Requests\/sec/ { rps = $2 }
      $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
      /Non-2xx/ { print "non-2xx responses for " p > "/dev/stderr"; exit 1 }
      END { printf "%-66s %-9s %9.0f %8.2f %8.2f %8.2f\n", p, m, rps, p50, p90, p99 }'
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
