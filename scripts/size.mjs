#!/usr/bin/env node
/**
 * Builds the weapp (production) and prints the size of the main package and of each
 * subpackage, the way WeChat counts them: every file under the package's root. Exits
 * non-zero above the budgets below.
 *
 *   npm run size              build, then measure
 *   npm run size -- --no-build measure the dist/ that is there
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
/** Far below WeChat's 2 MB so that the domains still to come fit (issue 18: 650 KB). */
const MAIN_BUDGET = 650 * KB;
/** WeChat's own limit for one subpackage. */
const SUBPACKAGE_BUDGET = 2048 * KB;
/** Files in dist/ that are DevTools settings, not package code. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

if (!process.argv.includes('--no-build')) {
  // Taro can reject its config and still exit 0: start from an empty dist/ so an old build
  // is never measured (or checked by check:weapp) in place of this one.
  rmSync(dist, { recursive: true, force: true });
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // A production build refuses to run without an https server and a real app key
    // (config/constants.ts); for measuring, stand-ins do.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LINLI_SERVER_URL: process.env.LINLI_SERVER_URL ?? 'https://linli.invalid',
      LINLI_APP_KEY: process.env.LINLI_APP_KEY ?? 'size-measurement-key',
    },
  });
  if (build.status !== 0 || !existsSync(path.join(dist, 'app.json'))) {
    console.error('weapp build failed');
    process.exit(build.status ?? 1);
  }
}

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'));
const subpackages = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const sizes = new Map([['(main)', 0], ...subpackages.map((r) => [r, 0])]);

for (const file of files(dist)) {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (NOT_UPLOADED.has(rel)) continue;
  const owner = subpackages.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(main)';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
}

let over = false;
const rows = [...sizes].map(([name, bytes]) => {
  const budget = name === '(main)' ? MAIN_BUDGET : SUBPACKAGE_BUDGET;
  const ok = bytes <= budget;
  over ||= !ok;
  return { package: name, KB: (bytes / KB).toFixed(1), budgetKB: budget / KB, status: ok ? 'ok' : 'OVER BUDGET' };
});
console.table(rows);
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`total ${(total / KB).toFixed(1)} KB`);
if (over) {
  console.error('A package is over its budget.');
  process.exit(1);
}
