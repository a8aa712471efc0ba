#!/usr/bin/env bash
# Server render time of each page type under wrk on loopback, and the weight of the home and a city page with every
# resource they load. Two runs per page: "rendered" gives every request a unique address (an extra ?_=N the page
# ignores), so the output cache never answers and each request renders the page; "served" repeats one address,
# as visitors do, and is answered from the output cache after the first render.
# With KBO_SCALE set (e.g. 0.05), a generated register of that scale is imported first, so that the pages hold both
# sources (the register by default, Statbel's data beside it); without it, the pages are Statbel's.
# Usage: bench/pages.sh   (DURATION=15 CONNECTIONS=8 by default; KBO_SCALE unset)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-8}
PORT=5083
need wrk:wrk curl:curl
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"
if [ -n "${KBO_SCALE:-}" ]; then
  update="$ROOT/tests/fixtures/kbo/KboOpenData_0147_2025_10_12_Update"
  dotnet publish "$ROOT/bench/Atlas.KboGenerator" -c Release -o "$work/generator" --nologo -v quiet >/dev/null
  "$work/generator/kbo-generator" --out "$work/dump" --scale "$KBO_SCALE" --seed 1 --data "$ROOT/data" \
    --codes "$update/code.csv" --include "$update" >/dev/null
  "$work/atlas/atlas" import kbo "$work/dump" -q --db "$work/atlas.db" --data "$ROOT/data" | head -1
  rm -rf "$work/dump"
fi
"$work/atlas/atlas" serve --port $PORT --db "$work/atlas.db" --data "$ROOT/data" >"$work/atlas.log" 2>&1 &
BASE="http://127.0.0.1:$PORT"
wait_for "$BASE/en/" 60

cat > "$work/unique.lua" <<'LUA'
counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_=" .. counter .. "-" .. math.random(1000000000))
end
LUA

printf '%-40s %-9s %10s %9s %9s %9s\n' "page (wrk -t2 -c$CONNECTIONS -d${DURATION}s)" "mode" "req/s" "p50 ms" "p90 ms" "p99 ms"
for path in "/en/" "/en/places/ghent" "/en/places/ghent?source=statbel-vat-2019" "/fr/places/brussels" "/en/index" "/en/search?q=textile" "/nl/search?q=port&region=flanders" \
            "/en/compare?places=antwerp,bruges" "/en/matrix?of=sector" "/en/sectors/textile" "/en/sources/article-7-cities" \
            "/en/places?kind=municipality"; do
  for mode in rendered served; do
    script=()
    [ "$mode" = rendered ] && script=(-s "$work/unique.lua")
    wrk -t2 -c"$CONNECTIONS" -d3s "${script[@]}" "$BASE$path" >/dev/null   # warm-up
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${script[@]}" "$BASE$path" | awk -v p="$path" -v m="$mode" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      /Requests\/sec/ { rps = $2 }
      $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
      /Non-2xx/ { print "non-2xx responses for " p > "/dev/stderr"; exit 1 }
      END { printf "%-40s %-9s %10.0f %9.2f %9.2f %9.2f\n", p, m, rps, p50, p90, p99 }'
  done
done

echo
echo "page weight, every resource included (uncompressed bytes):"
for path in "/en/" "/en/places/ghent" "/en/places/ghent?source=statbel-vat-2019" "/en/index" "/en/sources/article-7-cities" "/en/series"; do
  html=$(curl -fsS "$BASE$path" | wc -c)
  total=$html
  for asset in $(curl -fsS "$BASE$path" | grep -o '\(href\|src\)="/assets/[^"]*"' | sed 's/.*="\(.*\)"/\1/' | sort -u); do
    total=$((total + $(curl -fsS "$BASE$asset" | wc -c)))
  done
  printf '  %-20s html %7d bytes, with assets %7d bytes (%.0f KB)\n' "$path" "$html" "$total" "$(echo "$total / 1024" | bc -l)"
done
