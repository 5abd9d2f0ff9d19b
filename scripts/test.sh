#!/usr/bin/env bash
# The whole test suite, as README and CI run it:
#   1. installs Chromium and PostgreSQL from Debian if they are missing (scripts/system-deps.sh),
#   2. every jest project on the embedded SQLite,
#   3. the cloud suites again on a private PostgreSQL cluster started here, with files in a
#      local S3-compatible server started here too (the SQLite run keeps them in a folder),
#   4. the browser tests (e2e/) in headless Chromium against the H5 build and the host.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-deps.sh || exit 1
source scripts/pg.sh
s3_pid=
trap 'linli_pg_stop; [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null' EXIT
linli_pg_start || exit 1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
# The local S3-compatible server (s3rver behind a door that checks signatures as S3 does).
s3_env=$(mktemp)
rm -f "$s3_env"
node --import tsx cloud/testing/s3-serve.ts "$s3_env" &
s3_pid=$!
for _ in $(seq 1 100); do [ -s "$s3_env" ] && break; sleep 0.2; done
[ -s "$s3_env" ] || { echo "the local S3 server did not start" >&2; exit 1; }
s3_endpoint=$(sed -n 's/^LINLI_S3_ENDPOINT=//p' "$s3_env")

mkdir -p test-results
status=0
run() {
  local label=$1
  shift
  echo
  echo "== $label"
  "$@" || status=1
}

# One jest worker a core. Jest's own default is one fewer than the cores: on CI's two cores that
# is a single worker, and the other core then idles a third of the time while tests wait on
# sockets and PostgreSQL. Measured on such a machine: SQLite 159 → 98 s; PostgreSQL with S3
# 224 s (CI, one worker) → 136 s. The browser suites run two at a time (each file starts its own
# host, database and Chromium): 12 min 46 s in band → 9 min 34 s on such a machine, and the
# long suites go first (e2e/sequencer.js) so the last one does not run alone.
workers=$(nproc)
run "unit and host tests on SQLite" env -u LINLI_TEST_PG_URL npx jest --maxWorkers="$workers" --json --outputFile=test-results/sqlite.json
run "cloud tests on PostgreSQL, files in S3" env LINLI_TEST_S3_ENDPOINT="$s3_endpoint" npx jest --selectProjects cloud --maxWorkers="$workers" --json --outputFile=test-results/postgres.json
if [ -d e2e ] && ls e2e/*.test.ts >/dev/null 2>&1; then
  echo
  echo "== building the H5 preview and the console for the browser tests"
  if npm run --silent build:h5 >test-results/build-h5.log 2>&1 && npm run --silent build:console >>test-results/build-h5.log 2>&1; then
    run "browser tests in Chromium" env -u LINLI_TEST_PG_URL npx jest --config e2e/jest.config.js --maxWorkers=2 --json --outputFile=test-results/e2e.json
  else
    tail -40 test-results/build-h5.log
    status=1
  fi
fi

node -e '
const fs = require("fs");
let passed = 0, failed = 0;
for (const f of fs.readdirSync("test-results").filter((f) => f.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync("test-results/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  console.log(`${f.replace(".json", "").padEnd(10)} ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
if (passed === 0) process.exit(1);
'
[ $? -eq 0 ] || status=1
exit $status
