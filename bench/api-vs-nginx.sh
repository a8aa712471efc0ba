#!/usr/bin/env bash
# Throughput of GET /api/places/ghent through the atlas's real handler path (routing, alias look-up, language,
# ETag), beside nginx serving the same JSON body as a static file on another loopback port, in the same run; then
# GET /api/search?q=textile at the same load. wrk: 2 threads, 64 connections, DURATION seconds after a warm-up.
# Usage: bench/api-vs-nginx.sh   (DURATION=30 WARMUP=5 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
ATLAS_PORT=5081
NGINX_PORT=5082
need nginx:nginx-light wrk:wrk curl:curl
work=$(mktemp -d)
chmod 755 "$work" # nginx workers run as www-data and must read the served file
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"
"$work/atlas/atlas" serve --port $ATLAS_PORT --db "$work/atlas.db" --data "$ROOT/data" >"$work/atlas.log" 2>&1 &
wait_for "http://127.0.0.1:$ATLAS_PORT/api/places/ghent" 60

mkdir -p "$work/www/api/places"
curl -fsS "http://127.0.0.1:$ATLAS_PORT/api/places/ghent" > "$work/www/api/places/ghent"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    location / { default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
wait_for "http://127.0.0.1:$NGINX_PORT/api/places/ghent" 10
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/api/places/ghent") "$work/www/api/places/ghent"

# prints "requests/s p50_ms p99_ms" for a URL
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

read -r n_rps n_p50 n_p99 < <(run_wrk "http://127.0.0.1:$NGINX_PORT/api/places/ghent")
read -r a_rps a_p50 a_p99 < <(run_wrk "http://127.0.0.1:$ATLAS_PORT/api/places/ghent")
read -r s_rps s_p50 s_p99 < <(run_wrk "http://127.0.0.1:$ATLAS_PORT/api/search?q=textile")

printf '%-38s %12s %10s %10s\n' "target (wrk -t2 -c64 -d${DURATION}s)" "requests/s" "p50 ms" "p99 ms"
printf '%-38s %12s %10s %10s\n' "nginx static /api/places/ghent" "$n_rps" "$n_p50" "$n_p99"
printf '%-38s %12s %10s %10s\n' "atlas /api/places/ghent" "$a_rps" "$a_p50" "$a_p99"
printf '%-38s %12s %10s %10s\n' "atlas /api/search?q=textile" "$s_rps" "$s_p50" "$s_p99"
awk -v a="$a_rps" -v n="$n_rps" -v ap="$a_p99" -v np="$n_p99" 'BEGIN {
  printf "ratio atlas/nginx requests/s: %.2f (target >= 0.70); p99 atlas %.3f ms vs nginx %.3f ms (target: no worse)\n", a / n, ap, np }'
echo "body: $(wc -c < "$work/www/api/places/ghent") bytes; nginx $(nginx -v 2>&1 | sed 's/.*\///'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $(nproc) cores"
