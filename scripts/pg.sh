#!/usr/bin/env bash
# A private PostgreSQL cluster on loopback for the tests, in a temporary folder.
#   source scripts/pg.sh start   → exports LINLI_TEST_PG_URL and LINLI_PG_DIR
#   scripts/pg.sh stop DIR
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  # initdb and postgres refuse to run as root: run them as the postgres user then.
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

linli_pg_start() {
  local bin dir port
  bin=$(pg_bin)
  [ -n "$bin" ] || { echo "PostgreSQL is not installed (scripts/system-deps.sh installs it)" >&2; return 1; }
  dir=$(mktemp -d /tmp/linli-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  port=${LINLI_PG_PORT:-$((54000 + RANDOM % 1000))}
  as_owner "'$bin/initdb' -D '$dir/data' --auth=trust -U postgres --encoding=UTF8 --locale=C >'$dir/initdb.log' 2>&1" || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -w start >/dev/null" || {
    cat "$dir/server.log" >&2
    return 1
  }
  export LINLI_PG_DIR="$dir"
  export LINLI_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

linli_pg_stop() {
  local dir=${1:-${LINLI_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  as_owner "'$(pg_bin)/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null 2>&1" || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) linli_pg_start ;;
  stop) linli_pg_stop "${2:-}" ;;
esac
