#!/usr/bin/env bash
# The static export (issue 17): a full `atlas export site` (all languages, every resource) from process start on a
# seeded database, its size; an incremental export after one fact changes (a new process: re-seeding the changed data
# included) and one with nothing changed; then the export served by nginx with docs/nginx-static.conf, measured with
# the same wrk run as bench/api-vs-nginx.sh (2 threads, 64 connections, DURATION s after a warm-up) beside the atlas
# serving the same addresses.
# Usage: bench/static-export.sh   (DURATION=30 WARMUP=5 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
ATLAS_PORT=5083
NGINX_PORT=5084
need nginx:nginx wrk:wrk curl:curl /usr/bin/time:time
work=$(mktemp -d)
chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"
cp -r "$ROOT/data" "$work/data"
atlas=("$work/atlas/atlas" --db "$work/atlas.db" --data "$work/data")
"${atlas[@]}" get /api >/dev/null 2>&1 # seed once: the full export is timed on a seeded database

# prints "wall_s peak_MB cpu_s" of a command (cpu: user + system, what a shared machine's load does not inflate much),
# its own output to $work/last.log
timed() { /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$work/last.log" 2>&1; awk '{ printf "%.1f %.0f %.1f\n", $1, $2 / 1024, $3 + $4 }' "$work/time"; }

sync
read -r full_s full_mb full_cpu < <(timed "${atlas[@]}" export site "$work/site" --base-url https://atlas.example.be)
full_line=$(grep '^Exported' "$work/last.log")
files=$(find "$work/site" -type f ! -name .atlas-export.json | wc -l)
bytes=$(find "$work/site" -type f ! -name .atlas-export.json -printf '%s\n' | awk '{ s += $1 } END { print s }')
manifest=$(stat -c %s "$work/site/.atlas-export.json")

sed -i 's/Ghent is presented as a model city for Industry 4.0./Ghent is presented as a model city of Industry 4.0./' "$work/data/facts/03-ghent.yaml"
sync
read -r inc_s inc_mb inc_cpu < <(timed "${atlas[@]}" export site "$work/site" --base-url https://atlas.example.be)
inc_line=$(grep '^Exported' "$work/last.log")
seed_line=$(grep '^Seeded' "$work/last.log" || true)
read -r same_s same_mb same_cpu < <(timed "${atlas[@]}" export site "$work/site" --base-url https://atlas.example.be)
same_line=$(grep '^Exported' "$work/last.log")

echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
echo "full export:        ${full_s} s (CPU ${full_cpu} s), peak ${full_mb} MB — $full_line"
echo "  $files files, $((bytes / 1024 / 1024)) MB ($bytes bytes); manifest $((manifest / 1024)) KB"
echo "one fact changed:   ${inc_s} s (CPU ${inc_cpu} s), peak ${inc_mb} MB — $seed_line $inc_line"
echo "nothing changed:    ${same_s} s (CPU ${same_cpu} s), peak ${same_mb} MB — $same_line"

# the export served by nginx with the docs' configuration, beside the atlas serving the same data
"$work/atlas/atlas" serve --port $ATLAS_PORT --db "$work/atlas.db" --data "$work/data" >"$work/atlas.log" 2>&1 &
wait_for "http://127.0.0.1:$ATLAS_PORT/api/places/ghent" 60
site_conf=$(sed "s#listen 8080;#listen 127.0.0.1:$NGINX_PORT;#; s#root /srv/atlas;#root $work/site;#" "$ROOT/docs/nginx-static.conf")
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
$site_conf
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
wait_for "http://127.0.0.1:$NGINX_PORT/api/places/ghent" 10
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/api/places/ghent") <(curl -fsS "http://127.0.0.1:$ATLAS_PORT/api/places/ghent")

run_wrk() {
  wrk -t2 -c64 -d"${WARMUP}s" "$1" >/dev/null
  wrk -t2 -c64 -d"${DURATION}s" --latency "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

printf '%-44s %12s %10s %10s\n' "target (wrk -t2 -c64 -d${DURATION}s)" "requests/s" "p50 ms" "p99 ms"
for path in /api/places/ghent /en/places/ghent; do
  read -r n_rps n_p50 n_p99 < <(run_wrk "http://127.0.0.1:$NGINX_PORT$path")
  read -r a_rps a_p50 a_p99 < <(run_wrk "http://127.0.0.1:$ATLAS_PORT$path")
  printf '%-44s %12s %10s %10s\n' "nginx, exported $path" "$n_rps" "$n_p50" "$n_p99"
  printf '%-44s %12s %10s %10s\n' "atlas, $path" "$a_rps" "$a_p50" "$a_p99"
  awk -v a="$a_rps" -v n="$n_rps" -v p="$path" 'BEGIN { printf "  %s: exported/nginx %.2f (by construction), atlas/nginx %.2f\n", p, n / n, a / n }'
done
echo "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
