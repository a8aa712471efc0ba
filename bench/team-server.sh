#!/usr/bin/env bash
# The team server (issue 15) measured on the published Release build, with a throwaway PostgreSQL cluster:
#  (a) the same generated full KBO dump imported into SQLite and into PostgreSQL: wall time and peak memory, ratio
#      (target: PostgreSQL ≤ 2× SQLite);
#  (b) one node on each store, wrk on a cached API path and on search, the median of three runs taken in turn
#      (target: PostgreSQL ≥ 0.9× SQLite's requests/s; search p99 ≤ 10 ms);
#  (c) two nodes behind nginx (docs/deploy/nginx-team.conf), wrk 60 s on a mix of API and page paths: 0 errors, and
#      each node's resident memory at the end within 10 % of after the warm-up;
#  (d) PostgreSQL stopped for 8 s during a 20 s load: every answer is 200 or 503 (never 500), service comes back;
#  (e) an import killed with kill -9 midway: the previous register is intact and served;
#  (f) pg_dump / pg_restore of the whole database (tools/pg-backup.sh): the restored copy serves the same answers.
# Usage: bench/team-server.sh [SCALE]   (default 1: the real register size; DURATION=60 for (c))
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
SCALE=${1:-1}
DURATION=${DURATION:-60}
UPDATE="$ROOT/tests/fixtures/kbo/KboOpenData_0147_2025_10_12_Update"
PGPORT=55441
need nginx:nginx-light wrk:wrk curl:curl /usr/bin/time:time
work=$(mktemp -d)
chmod 755 "$work"
PGDIR="$work/pg"
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  ATLAS_PG_PORT=$PGPORT "$ROOT/tools/pg-test-cluster.sh" stop "$PGDIR" || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "starting a throwaway PostgreSQL on 127.0.0.1:$PGPORT …"
server=$(ATLAS_PG_PORT=$PGPORT "$ROOT/tools/pg-test-cluster.sh" start "$PGDIR")
psql_() { psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt "$@"; }
psql_ -d postgres -c "CREATE DATABASE atlas"
STORE="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=atlas"
URL="postgres://postgres@127.0.0.1:$PGPORT/atlas"
publish_atlas "$work/atlas"
dotnet publish "$ROOT/bench/Atlas.KboGenerator" -c Release -o "$work/generator" --nologo -v quiet >/dev/null
A="$work/atlas/atlas"

timed() {
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" || { cat "$work/last.err" >&2; return 1; }
  read -r secs kb <"$work/time"
  printf "%8.2f s  %6d MB" "$secs" $((kb / 1024))
}
secs() { cut -d' ' -f1 "$work/time"; }

echo "generating a full dump at scale $SCALE …"
"$work/generator/kbo-generator" --out "$work/dump" --scale "$SCALE" --seed 1 --data "$ROOT/data" \
  --codes "$UPDATE/code.csv" --include "$UPDATE" | tail -1

echo
echo "(a) full import, same dump"
"$A" migrate --store "$STORE" --data "$ROOT/data" >/dev/null
echo "  SQLite     $(timed "$A" import kbo "$work/dump" -q --db "$work/atlas.db" --data "$ROOT/data")"; sqlite=$(secs)
echo "  PostgreSQL $(timed "$A" import kbo "$work/dump" -q --store "$STORE" --data "$ROOT/data")"; pg=$(secs)
grep -E "^Imported" "$work/last.out" | sed 's/^/    /'
awk -v p="$pg" -v s="$sqlite" 'BEGIN { printf "  ratio PostgreSQL/SQLite: %.2f (target <= 2)\n", p / s }'
psql_ -d atlas -c "SELECT pg_size_pretty(pg_database_size('atlas'))" | sed 's/^/  database size: /'

# prints "requests/s p50_ms p99_ms errors" for a URL (or a Lua script with -s)
run_wrk() {
  local secs=$1; shift
  wrk -t2 -c64 -d"${secs}s" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    /^status/ { print > "/dev/stderr" }
    END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, bad }'
}
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

echo
echo "(b) one node on each store (wrk -t2 -c64, the median of three 10 s runs taken in turn, after 5 s of warm-up)"
"$A" serve --port 5081 --db "$work/atlas.db" --data "$ROOT/data" >"$work/sqlite.log" 2>&1 &
"$A" serve --port 5082 --store "$STORE" --data "$ROOT/data" >"$work/pg.log" 2>&1 &
wait_for http://127.0.0.1:5081/api/places/ghent 300
wait_for http://127.0.0.1:5082/api/places/ghent 300
printf '  %-44s %12s %9s %9s\n' "path" "requests/s" "p50 ms" "p99 ms"
# The two stores are measured in turn, three times each, and the median run (by requests/s) is shown: one 20 s run
# each differed by up to 15 % from one try of the script to the next on a quiet machine.
for path in "/api/places/ghent" "/api/search?q=textile" "/api/organisations?q=brasserie"; do
  for port in 5081 5082; do run_wrk 5 "http://127.0.0.1:$port$path" >/dev/null; done
  : >"$work/runs"
  for _ in 1 2 3; do
    for port in 5081 5082; do
      read -r rps p50 p99 bad < <(run_wrk 10 "http://127.0.0.1:$port$path")
      [ "$bad" = 0 ] || echo "  errors: $bad" >&2
      echo "$port $rps $p50 $p99" >>"$work/runs"
    done
  done
  for port in 5081 5082; do
    read -r rps p50 p99 < <(awk -v p=$port '$1 == p { print $2, $3, $4 }' "$work/runs" | sort -n | sed -n 2p)
    printf '  %-44s %12s %9s %9s\n' "$([ $port = 5081 ] && echo SQLite || echo PostgreSQL) $path" "$rps" "$p50" "$p99"
  done
done
kill %1 %2 2>/dev/null; wait 2>/dev/null || true

echo
echo "(c) two nodes on PostgreSQL behind nginx, wrk ${DURATION} s on a mix of API and page paths"
cat > "$work/mix.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  counts = {}
  paths = { "/api/places/ghent", "/api/search?q=textile", "/en/places/ghent", "/fr/", "/api/places?kind=city",
            "/nl/places/antwerp", "/api/places/liege/specialisation?level=division", "/api/organisations?q=brasserie",
            "/en/search?q=robotics", "/api/facts?subject=bruges" }
  n = 0
end
function request() n = n + 1; return wrk.format("GET", paths[(n % #paths) + 1]) end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for s, c in pairs(t:get("counts")) do total[s] = (total[s] or 0) + c end
  end
  for s, c in pairs(total) do io.stderr:write(string.format("status %d: %d\n", s, c)) end
end
LUA
"$A" serve --port 5091 --store "$STORE" --data "$ROOT/data" --trusted-proxy 127.0.0.1 >"$work/node1.log" 2>&1 & node1=$!
"$A" serve --port 5092 --store "$STORE" --data "$ROOT/data" --trusted-proxy 127.0.0.1 >"$work/node2.log" 2>&1 & node2=$!
wait_for http://127.0.0.1:5091/readyz 300
wait_for http://127.0.0.1:5092/readyz 300
mkdir -p "$work/nginx"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  keepalive_requests 1000000;   # wrk keeps its connections: nginx's default (1000) would close them, counted as errors
$(sed 's/^/  /' "$ROOT/docs/deploy/nginx-team.conf")
}
CONF
nginx -c "$work/nginx.conf" -p "$work/nginx"
wait_for http://127.0.0.1:8080/api/places/ghent 10
# The warm-up is as long as the run: the first minute fills the output cache and lets the server GC settle its
# heap count; what is measured after it is whether memory keeps growing.
run_wrk "$DURATION" -s "$work/mix.lua" http://127.0.0.1:8080 >/dev/null 2>&1
r1=$(rss_mb $node1); r2=$(rss_mb $node2)
( for _ in $(seq 1 $(( DURATION / 10 ))); do sleep 10; echo "$(rss_mb $node1) $(rss_mb $node2)"; done ) >"$work/rss" & sampler=$!
read -r rps p50 p99 bad < <(run_wrk "$DURATION" -s "$work/mix.lua" http://127.0.0.1:8080 2> >(sed 's/^/  /' >&2))
wait $sampler
e1=$(rss_mb $node1); e2=$(rss_mb $node2)
echo "  $rps requests/s, p50 $p50 ms, p99 $p99 ms, errors $bad (target 0)"
echo "  RSS every 10 s (node 1, node 2): $r1/$r2 MB, $(awk '{ printf "%s%d/%d", (NR > 1 ? ", " : ""), $1, $2 }' "$work/rss") MB"
awk -v a="$r1" -v b="$e1" -v c="$r2" -v d="$e2" 'BEGIN {
  printf "  node 1 RSS %d MB after warm-up, %d MB at the end (%+.1f %%); node 2 %d MB, %d MB (%+.1f %%) (target within 10 %%)\n",
    a, b, (b - a) * 100 / a, c, d, (d - c) * 100 / c }'

echo
echo "(d) PostgreSQL stopped 8 s during a 20 s load through nginx"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
( sleep 5; runuser -u postgres -- "$bin/pg_ctl" -D "$PGDIR" -m fast stop >/dev/null
  sleep 8; runuser -u postgres -- "$bin/pg_ctl" -D "$PGDIR" -w -l "$PGDIR/server.log" \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c max_connections=200" start >/dev/null ) &
run_wrk 20 -s "$work/mix.lua" http://127.0.0.1:8080 2>&1 >/dev/null | grep status | sed 's/^/  /'
wait %%
sleep 1.5
printf "  after restart: /api/places/ghent %s, /en/places/ghent %s\n" \
  "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/api/places/ghent)" \
  "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/en/places/ghent)"
for log in "$work/node1.log" "$work/node2.log"; do
  echo "  lines with a 500 or a stack trace in $(basename "$log"): $(grep -c '"status":500\|Unhandled\|   at ' "$log" || true)"
done

echo
echo "(e) an import killed with kill -9 midway"
before=$(curl -fsS http://127.0.0.1:8080/api/register)
"$A" import kbo "$work/dump" -q --store "$STORE" --data "$ROOT/data" >/dev/null 2>&1 & imp=$!
sleep $(awk -v s="$pg" 'BEGIN { printf "%.0f", s / 2 }')
kill -9 $imp; wait $imp 2>/dev/null || true
sleep 1.5
after=$(curl -fsS http://127.0.0.1:8080/api/register)
[ "$before" = "$after" ] && echo "  the register served is the previous one, unchanged: $(echo "$after" | head -c 120)…" \
  || { echo "  the register changed!"; echo "$before"; echo "$after"; exit 1; }
echo "  schemas left: $(psql_ -d atlas -c "SELECT string_agg(nspname, ', ') FROM pg_namespace WHERE nspname LIKE 'register%'") (register_next is cleared by the next import)"
echo "  /api/organisations?q=brasserie: $(curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:8080/api/organisations?q=brasserie')"

echo
echo "(f) backup and restore (tools/pg-backup.sh)"
"$ROOT/tools/pg-backup.sh" backup "$URL" "$work/atlas.dump" | sed 's/^/  /'
psql_ -d postgres -c "CREATE DATABASE atlas_restored"
echo "  restore: $(timed "$ROOT/tools/pg-backup.sh" restore "$work/atlas.dump" "postgres://postgres@127.0.0.1:$PGPORT/atlas_restored")"
"$A" serve --port 5093 --store "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=atlas_restored" --data "$ROOT/data" >"$work/restored.log" 2>&1 &
wait_for http://127.0.0.1:5093/readyz 300
for path in /api/register /api/places/ghent "/api/organisations?q=brasserie" "/api/places/liege/specialisation?level=division"; do
  cmp -s <(curl -fsS "http://127.0.0.1:8080$path") <(curl -fsS "http://127.0.0.1:5093$path") \
    && echo "  $path: the same answer" || { echo "  $path differs after the restore"; exit 1; }
done
echo "$(nproc) cores, $(psql --version), $(nginx -v 2>&1 | sed 's/.*\///'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
