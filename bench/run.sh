#!/usr/bin/env bash
# Runs every benchmark on SQLite, then on a private PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
trap 'linli_pg_stop' EXIT
for b in bench/*.ts; do
  [ "$b" = bench/lib.ts ] && continue
  env -u LINLI_TEST_PG_URL npx tsx "$b"
done
linli_pg_start
for b in bench/*.ts; do
  [ "$b" = bench/lib.ts ] && continue
  npx tsx "$b"
done
