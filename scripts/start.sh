#!/usr/bin/env bash
# `npm start`: builds the H5 preview when it is missing or older than its sources, then
# starts the host (embedded SQLite, demo data, local fake WeChat), which serves it at /.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=dist-h5/index.html
if [ ! -f "$stamp" ] || [ -n "$(find src config types babel.config.js -newer "$stamp" -type f 2>/dev/null | head -n 1)" ]; then
  echo "Building the H5 preview (about 20 seconds)…"
  npm run --silent build:h5 >/tmp/linli-build-h5.log 2>&1 || { tail -40 /tmp/linli-build-h5.log; exit 1; }
fi
stamp=cloud/console/dist/index.html
if [ ! -f "$stamp" ] || [ ! -f cloud/screen/dist/index.html ] || [ -n "$(find cloud/console/src cloud/console/index.html cloud/console/vite.config.ts cloud/screen/src cloud/screen/index.html types -newer "$stamp" -type f 2>/dev/null | head -n 1)" ]; then
  echo "Building the admin console…"
  npm run --silent build:console >/tmp/linli-build-console.log 2>&1 || { tail -40 /tmp/linli-build-console.log; exit 1; }
fi
exec npx tsx cloud/main.ts
