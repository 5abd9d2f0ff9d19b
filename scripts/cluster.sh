#!/usr/bin/env bash
# `npm run cluster`: the production layout on one machine without containers — a private
# PostgreSQL (scripts/pg.sh), the local S3-compatible server, the migrate step, two host
# processes and a reverse proxy in front of them, with the 上街区 demo data. Ctrl+C stops it all.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh || exit 1
# The H5 preview and the console, as npm start builds them when missing or stale.
for site in dist-h5/index.html cloud/console/dist/index.html; do
  [ -f "$site" ] || { echo "Building the H5 preview and the console first…"; bash scripts/build-release.sh --frontend-only || exit 1; break; }
done
source scripts/pg.sh
trap 'linli_pg_stop' EXIT
linli_pg_start || exit 1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
DATABASE_URL="$LINLI_TEST_PG_URL" npx tsx cloud/ops/cluster-main.ts
