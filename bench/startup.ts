/**
 * Cold start and idle memory of the host: from spawning the process (tsx, as `npm start`
 * runs it) to its first listening line, on a fresh database with the demo data; then its
 * resident set after two seconds idle. Three rounds, medians.
 *
 *   npx tsx bench/startup.ts      (LINLI_TEST_PG_URL=… for PostgreSQL)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

async function once(): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'host.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
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

async function main() {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await once());
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  console.log(`host on ${process.env.LINLI_TEST_PG_URL ? 'postgres' : 'sqlite'}: cold start ${median(runs.map((r) => r.ms)).toFixed(0)} ms, idle RSS ${median(runs.map((r) => r.rssMb)).toFixed(0)} MB (medians of 3)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
