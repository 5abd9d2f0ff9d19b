#!/usr/bin/env bash
# Every build step of the release image, in one place: the Dockerfile runs it, and CI runs
# it directly on the machine (no container registry is reachable there).
#   scripts/build-release.sh                  H5 preview and console (rebuilt only when stale),
#                                             the host and its commands bundled into release/,
#                                             then a smoke start of the bundle
#   scripts/build-release.sh --frontend-only  only the H5 preview and the console
# LINLI_APP_ID / LINLI_APP_KEY (and LINLI_SERVER_URL) are baked into the H5 preview and the
# console at build time, as for any client of the host.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
export VITE_LINLI_APP_ID=${VITE_LINLI_APP_ID:-${LINLI_APP_ID:-}} VITE_LINLI_APP_KEY=${VITE_LINLI_APP_KEY:-${LINLI_APP_KEY:-}}

stale() { # stamp file, then source paths: true when the stamp is missing or older than a source
  local stamp=$1
  shift
  [ ! -f "$stamp" ] || [ -n "$(find "$@" -newer "$stamp" -type f 2>/dev/null | head -n 1)" ]
}
if stale dist-h5/index.html src config types babel.config.js; then
  echo "== H5 preview"
  npm run --silent build:h5 >/tmp/linli-release-h5.log 2>&1 || { tail -40 /tmp/linli-release-h5.log; exit 1; }
fi
if stale cloud/console/dist/index.html cloud/console/src cloud/console/index.html cloud/console/vite.config.ts types ||
  { [ -d cloud/screen ] && stale cloud/screen/dist/index.html cloud/screen/src cloud/screen/index.html cloud/screen/vite.config.ts types; }; then
  echo "== console (and the service centre's screen)"
  npm run --silent build:console >/tmp/linli-release-console.log 2>&1 || { tail -40 /tmp/linli-release-console.log; exit 1; }
fi
[ "$mode" = --frontend-only ] && exit 0

echo "== host bundle (release/)"
rm -rf release
# TypeScript to plain JavaScript, one file an entry; packages stay in node_modules
# (installed in the image with npm ci --omit=dev), so native ones (better-sqlite3, sharp) load as built.
node_modules/.bin/esbuild cloud/main.ts cloud/ops/cli.ts cloud/wechat/fake-main.ts \
  --bundle --platform=node --target=node20 --format=cjs --packages=external \
  --outbase=cloud --outdir=release/cloud --sourcemap --log-level=warning
cp -r dist-h5 release/dist-h5
cp -r cloud/console/dist release/console
if [ -d cloud/screen/dist ]; then cp -r cloud/screen/dist release/screen; fi
node -e '
const root = require("./package.json");
const release = {
  name: "linli-release",
  version: root.version,
  private: true,
  description: "邻里通 host, as built by scripts/build-release.sh",
  engines: root.engines,
  scripts: {
    start: "node --enable-source-maps cloud/main.js",
    migrate: "node cloud/ops/cli.js migrate",
    backup: "node cloud/ops/cli.js backup",
    restore: "node cloud/ops/cli.js restore",
  },
};
require("fs").writeFileSync("release/package.json", JSON.stringify(release, null, 2) + "\n");
'

echo "== smoke start of the bundle"
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
(cd release && DATABASE_URL="$smoke/smoke.sqlite" node cloud/ops/cli.js migrate)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# exec: the background job IS the host, so the kill below stops it (else the subshell died
# and the host kept running after the script).
(cd release && exec env NODE_ENV=smoke LINLI_AUTO_MIGRATE=0 LINLI_DEMO_DATA=0 PORT=$port \
  DATABASE_URL="$smoke/smoke.sqlite" LINLI_UPLOAD_DIR="$smoke/files" LINLI_H5_DIR=dist-h5 LINLI_CONSOLE_DIR=console LINLI_SCREEN_DIR=screen \
  node cloud/main.js >"$smoke/host.log" 2>&1) &
host=$!
ok=0
for _ in $(seq 1 100); do
  if node -e "fetch('http://127.0.0.1:$port/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then ok=1; break; fi
  sleep 0.2
done
node -e "fetch('http://127.0.0.1:$port/').then(r=>r.text()).then(t=>process.exit(t.includes('<div')?0:1),()=>process.exit(1))" || ok=0
kill -TERM $host 2>/dev/null; wait $host 2>/dev/null || true
[ $ok = 1 ] || { echo "the bundled host did not become ready:"; cat "$smoke/host.log"; exit 1; }
echo "release/ ready: $(du -sh release | cut -f1), host answered /readyz and served the H5 preview"
