/**
 * The host under measurement, in a process of its own so the load generator (autocannon,
 * in the parent) never shares its event loop. Prints one JSON line with where it listens,
 * then serves until SIGTERM. With BENCH_PROFILE=dir it profiles its CPU between the lines
 * `start` and `stop <label>` on stdin (one measurement each, not the set-up), writes
 * `dir/<label>.cpuprofile` and answers `profiled <file>` on stdout.
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import readline from 'node:readline';
import { startBenchHost } from './bench-host';

async function main() {
  const { database, config, linli, stop: stopHost } = await startBenchHost();
  console.log(JSON.stringify({ url: linli.url, appId: config.appId, appKey: config.appKey, kind: database.kind, databaseUrl: database.url }));
  const stop = async () => {
    await stopHost();
    process.exit(0);
  };
  if (process.env.BENCH_PROFILE) profileOnCommand(process.env.BENCH_PROFILE);
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

function profileOnCommand(dir: string) {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  void post('Profiler.enable');
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, label] = line.split(' ');
    if (command === 'start') void post('Profiler.start');
    if (command === 'stop') {
      void post('Profiler.stop').then((result) => {
        const file = path.resolve(dir, `${label}.cpuprofile`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, JSON.stringify((result as { profile: unknown }).profile));
        console.log(`profiled ${file}`);
      });
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
