#!/usr/bin/env bash
# Backup and restore of a team server's database with PostgreSQL's own tools (docs/deployment.md).
#   tools/pg-backup.sh backup  DATABASE_URL FILE    pg_dump in the custom format (compressed, restorable table by table)
#   tools/pg-backup.sh restore FILE DATABASE_URL    pg_restore into an existing empty database, as one transaction
# DATABASE_URL is a postgres:// URL or a libpq connection string; the password comes from PGPASSWORD or ~/.pgpass,
# never from the command line. The register, the curated data, the series and the schema history are all in the
# dump; the web nodes' role (atlas_reader) is a server-wide role, made once per server (docs/deployment.md).
set -euo pipefail
action=${1:?usage: $0 backup DATABASE_URL FILE | restore FILE DATABASE_URL}
case $action in
  backup)
    url=${2:?database}; file=${3:?file}
    pg_dump --format=custom --no-owner --file="$file" --dbname="$url"
    echo "backed up $(pg_restore --list "$file" | grep -c 'TABLE DATA') tables into $file ($(du -h "$file" | cut -f1))"
    ;;
  restore)
    file=${2:?file}; url=${3:?database}
    pg_restore --no-owner --exit-on-error --single-transaction --dbname="$url" "$file"
    echo "restored $file"
    ;;
  *) echo "usage: $0 backup DATABASE_URL FILE | restore FILE DATABASE_URL" >&2; exit 2 ;;
esac
