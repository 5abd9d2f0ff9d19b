#!/usr/bin/env bash
# Runs the benchmarks on SQLite, then on a private PostgreSQL cluster. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh
trap 'linli_pg_stop' EXIT
for b in bench/functions.ts bench/startup.ts; do
  env -u LINLI_TEST_PG_URL npx tsx "$b"
done
linli_pg_start
for b in bench/functions.ts bench/startup.ts; do
  npx tsx "$b"
done
