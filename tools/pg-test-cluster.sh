#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's postgresql package (installed when missing),
# initdb + pg_ctl as the postgres user, listening on 127.0.0.1 only. Trust authentication: it is a scratch cluster
# on the loopback, never a deployment (see docs/deployment.md for one).
#   tools/pg-test-cluster.sh start [DIR]   start it (creating it first) and print its connection string
#   tools/pg-test-cluster.sh stop [DIR]    stop it and delete its folder
# DIR defaults to /tmp/atlas-pg; the port to $ATLAS_PG_PORT or 55432.
set -euo pipefail
action=${1:?usage: $0 start|stop [DIR]}
dir=${2:-/tmp/atlas-pg}
port=${ATLAS_PG_PORT:-55432}

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case $action in
  start)
    if [ -z "$(bin_dir)" ]; then
      echo "installing postgresql (Debian package) …" >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(bin_dir)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$dir" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_postgres "$bin/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -f "$dir/PG_VERSION" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
