#!/usr/bin/env bash
# `npm run test:crash`: the crash and load suite (bench/crash/crash.ts) on a private
# PostgreSQL (two hosts, one killed with SIGKILL mid-rush) and on SQLite (the one host
# killed and restarted). Writes its table into docs/benchmarks.md; fails when an
# invariant breaks.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh || exit 1
source scripts/pg.sh
trap 'linli_pg_stop' EXIT
linli_pg_start || exit 1
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
report=$(mktemp)
LINLI_CRASH_REPORT="$report" npx tsx bench/crash/crash.ts "${1:-postgres,sqlite}"
status=$?
if [ -s "$report" ]; then
  node -e '
const fs = require("fs");
const [file, table, status] = process.argv.slice(1);
const begin = "<!-- crash-suite:begin -->", end = "<!-- crash-suite:end -->";
const section = [begin, "", "Last run: " + new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC, `npm run test:crash`" + (status === "0" ? "" : " (FAILED)"), "", fs.readFileSync(table, "utf8").trim(), "", end].join("\n");
let doc = fs.readFileSync(file, "utf8");
doc = doc.includes(begin) ? doc.replace(new RegExp(begin + "[\\s\\S]*?" + end), section) : doc.trimEnd() + "\n\n## Crash and load suite\n\n" + section + "\n";
fs.writeFileSync(file, doc);
' docs/benchmarks.md "$report" "$status"
fi
rm -f "$report"
exit $status
