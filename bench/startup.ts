/**
 * Cold start and idle memory of the host: from spawning the process to its first listening
 * line, on a fresh database with the demo data; then its resident set after two seconds
 * idle. Three forms, each against the baseline of a bare Fastify process started the same
 * way in the same run (bench/bare-host.ts):
 *
 * - bundled: esbuild's bundle run by plain node, as the release runs it (scripts/build-release.sh);
 * - tsx: TypeScript compiled at start, as `npm start` runs it in development.
 *
 * Three rounds, medians.
 *
 *   npx tsx bench/startup.ts      (LINLI_TEST_PG_URL=… for PostgreSQL)
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '..');
// Inside the repository so that the bundles' external packages resolve from node_modules.
const out = path.join(root, '.data', 'bench-startup');

async function once(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const forms = {
    'bare Fastify (bundled)': [bundle('bench/bare-host.ts')],
    'host, bundled (release)': [bundle('bench/host.ts')],
    'bare Fastify (tsx)': ['--import', 'tsx', path.join(__dirname, 'bare-host.ts')],
    'host, tsx (npm start)': ['--import', 'tsx', path.join(__dirname, 'host.ts')],
  };
  const results = new Map<string, { ms: number; rssMb: number }>();
  for (const [label, args] of Object.entries(forms)) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await once(args));
    results.set(label, { ms: median(runs.map((r) => r.ms)), rssMb: median(runs.map((r) => r.rssMb)) });
  }
  const kind = process.env.LINLI_TEST_PG_URL ? 'postgres' : 'sqlite';
  console.log(`\nstartup on ${kind} (medians of 3; the host seeds the demo data into a fresh database)\n`);
  console.log('| process | cold start ms | ratio to bare | idle RSS MB | ratio to bare |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [label, r] of results) {
    const bare = results.get(label.includes('tsx') ? 'bare Fastify (tsx)' : 'bare Fastify (bundled)')!;
    console.log(`| ${label} | ${r.ms.toFixed(0)} | ${(r.ms / bare.ms).toFixed(2)} | ${r.rssMb.toFixed(0)} | ${(r.rssMb / bare.rssMb).toFixed(2)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
