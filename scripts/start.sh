#!/usr/bin/env bash
# `npm start`: see scripts/start.mjs (port check, builds with progress, then the host).
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/start.mjs
