/**
 * What one statement costs a request, apart from any function: a host with the bare route
 * and routes that run one or two primary-key reads of `users` through the product's compiled
 * statements (the session check's statement, `callerVersion`), each measured with autocannon
 * right after the bare route, three rounds, medians. The host runs in a child process
 * (this file with `serve`); on PostgreSQL each read is a round trip to the server, on SQLite a
 * call into the library. This is the ceiling of any request that needs N statements: a signed
 * request needs at least the session check (access is decided as it is at that moment).
 *
 *   npx tsx bench/round-trip.ts                       (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/round-trip.ts
 *   BENCH_SECONDS=3 (default 3)
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { callerVersion } from '../cloud/auth/sessions.storage';
import { openDatabase } from '../cloud/storage/dialect';
import { migrateToLatest } from '../cloud/storage/migrate';
import { createTestDatabase } from '../cloud/storage/test-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = 3;
const USERS = 2000;

async function serve(url: string): Promise<void> {
  const { db } = openDatabase(url);
  const app = Fastify();
  let n = 0;
  const userId = () => `rt-${(n++ % USERS) + 1}`;
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/one', async () => ({ ok: (await callerVersion(db, userId()))!.live }));
  app.get('/two', async () => ({ ok: (await callerVersion(db, userId()))!.live && (await callerVersion(db, userId()))!.live }));
  const listening = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ url: listening }));
}

async function rate(url: string): Promise<number> {
  let failed = 0;
  const result = await autocannon({ url, connections: 50, duration: SECONDS, requests: [{ onResponse: (status) => void (status === 200 || failed++) }] });
  if (failed || result.non2xx) throw new Error(`${url}: ${failed || result.non2xx} answers were not 200`);
  return result.requests.average;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3]!);
  const database = await createTestDatabase();
  const { db, close } = openDatabase(database.url);
  await migrateToLatest(db);
  const at = '2026-12-01T00:00:00.000Z';
  for (let i = 1; i <= USERS; i += 500) {
    const rows = Array.from({ length: Math.min(500, USERS - i + 1) }, (_, k) => ({ id: `rt-${i + k}`, nickname: `居民${i + k}`, failed_logins: 0, created_at: at, updated_at: at }));
    await db.insertInto('users').values(rows).execute();
  }
  if (database.kind === 'postgres') await sql`ANALYZE users`.execute(db);
  await close();

  const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'serve', database.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url } = JSON.parse(await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve))) as { url: string };
  try {
    console.log(`statements a request on ${database.kind}: autocannon, 50 connections, ${SECONDS} s a run, ${ROUNDS} rounds, medians`);
    for (const route of ['/one', '/two']) {
      const ratios: number[] = [];
      const rates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const bare = await rate(`${url}/api/health`);
        const measured = await rate(`${url}${route}`);
        ratios.push(measured / bare);
        rates.push(measured);
      }
      console.log(`  ${route === '/one' ? 'one primary-key read ' : 'two primary-key reads'}  ratio ${median(ratios).toFixed(3)}  ${Math.round(median(rates))} req/s`);
    }
  } finally {
    child.kill('SIGTERM');
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
