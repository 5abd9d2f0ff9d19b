/**
 * Cold start and idle memory of the host: from spawning the process to its first listening
 * line; then its resident set after two seconds idle. Each form against the baseline of a
 * bare Fastify process started the same way in the same run (bench/bare-host.ts):
 *
 * - restart (production): the release bundle's own entry (cloud/main.ts bundled with the flags
 *   of scripts/build-release.sh, run as its package.json runs it, `node --enable-source-maps`)
 *   against an EXISTING database that `migrate` brought up to date before the rounds, without
 *   demo data, the local fake WeChat or automatic migration: what a deployment restart pays;
 * - bundled, fresh: bench/host.ts bundled, migrating a fresh database and seeding the demo data;
 * - tsx, fresh: the same through tsx, as `npm start` runs it in development.
 *
 * Three rounds, medians.
 *
 *   npx tsx bench/startup.ts      (LINLI_TEST_PG_URL=… for PostgreSQL)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createTestDatabase, type TestDatabase } from '../cloud/storage/test-database';

const root = path.resolve(__dirname, '..');
// Inside the repository so that the bundles' external packages resolve from node_modules.
const out = path.join(root, '.data', 'bench-startup');

async function once(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: root, env });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).once('line', () => resolve());
  });
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 2000));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { ms, rssMb };
}

function bundle(entry: string): string {
  const file = path.join(out, `${path.basename(entry, '.ts')}.js`);
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'esbuild'),
    [entry, '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--packages=external', `--outfile=${file}`, '--log-level=warning'],
    { cwd: root, stdio: 'inherit' },
  );
  return file;
}

/** The release's host and its commands, bundled exactly as scripts/build-release.sh does. */
function releaseBundle(): { main: string; cli: string } {
  const dir = path.join(out, 'release');
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'esbuild'),
    ['cloud/main.ts', 'cloud/ops/cli.ts', '--bundle', '--platform=node', '--target=node20', '--format=cjs', '--packages=external', '--outbase=cloud', `--outdir=${dir}`, '--sourcemap', '--log-level=warning'],
    { cwd: root, stdio: 'inherit' },
  );
  return { main: path.join(dir, 'main.js'), cli: path.join(dir, 'ops', 'cli.js') };
}

/** A database as a deployment has it: migrated by the release's own `migrate`, no demo data. */
async function existingDatabase(cli: string): Promise<TestDatabase> {
  const database = await createTestDatabase();
  execFileSync(process.execPath, [cli, 'migrate'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' });
  return database;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const release = releaseBundle();
  const existing = await existingDatabase(release.cli);
  const restartEnv = {
    ...process.env,
    NODE_ENV: 'restart',
    PORT: '0',
    DATABASE_URL: existing.url,
    LINLI_AUTO_MIGRATE: '0',
    LINLI_DEMO_DATA: '0',
    // A deployment talks to WeChat itself: no local fake is started (nothing is sent at start).
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    LINLI_UPLOAD_DIR: path.join(out, 'files'),
  };
  const bareBundle = bundle('bench/bare-host.ts');
  const forms: Record<string, { args: string[]; env?: NodeJS.ProcessEnv; bare: string }> = {
    'bare Fastify (bundled, --enable-source-maps)': { args: ['--enable-source-maps', bareBundle], bare: '' },
    'host, release bundle, restart on a migrated database': { args: ['--enable-source-maps', release.main], env: restartEnv, bare: 'bare Fastify (bundled, --enable-source-maps)' },
    'bare Fastify (bundled)': { args: [bareBundle], bare: '' },
    'host, bundled, fresh database + demo data': { args: [bundle('bench/host.ts')], bare: 'bare Fastify (bundled)' },
    'bare Fastify (tsx)': { args: ['--import', 'tsx', path.join(__dirname, 'bare-host.ts')], bare: '' },
    'host, tsx (npm start), fresh database + demo data': { args: ['--import', 'tsx', path.join(__dirname, 'host.ts')], bare: 'bare Fastify (tsx)' },
  };
  const results = new Map<string, { ms: number; rssMb: number }>();
  try {
    for (const [label, form] of Object.entries(forms)) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await once(form.args, form.env));
      results.set(label, { ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) });
    }
  } finally {
    await existing.drop();
  }
  const kind = process.env.LINLI_TEST_PG_URL ? 'postgres' : 'sqlite';
  console.log(`\nstartup on ${kind} (medians of 3; each host against the bare process started the same way just before it)\n`);
  console.log('| process | cold start ms | ratio to bare | idle RSS MB | ratio to bare |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [label, r] of results) {
    const bare = results.get(forms[label]!.bare || label)!;
    console.log(`| ${label} | ${r.ms.toFixed(0)} | ${(r.ms / bare.ms).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.rssMb / bare.rssMb).toFixed(2)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
