/**
 * The shared rate-limit store (cloud/host/rate-limit-store.ts) alone, in process: a read
 * route limited as the host limits reads (`read:` keys, 2,000 residents), through Fastify's
 * inject at 50 concurrent requests, each store paired with an unlimited route measured the
 * same way just before it; three rounds, medians. Stores: the plugin's memory store (the
 * ceiling), the database store counting every read with its own upsert
 * (LINLI_RATE_LIMIT_FLUSH_MS=0, as before issue 18's batching), and the batched one (250 ms).
 * One window of an hour, so that none ends during the run. Afterwards every read must be in the database exactly once (the batched store's flushes
 * lose nothing and count nothing twice).
 *
 *   npx tsx bench/rate-limit.ts                       (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/rate-limit.ts
 *   BENCH_SECONDS=3 (default 3)
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { databaseRateLimitStore, type DatabaseRateLimitStore } from '../cloud/host/rate-limit-store';
import { readRateWindow } from '../cloud/host/rate-limits.storage';
import { openDatabase } from '../cloud/storage/dialect';
import { migrateToLatest } from '../cloud/storage/migrate';
import { createTestDatabase } from '../cloud/storage/test-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = 50;
const RESIDENTS = 2000;
const ROUNDS = 3;

type Kind = 'memory' | 'database, every read' | 'database, batched 250 ms';

async function build(kind: Kind, shared: DatabaseRateLimitStore | null): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(rateLimit, { global: false, hook: 'preHandler', ...(shared && { store: shared.Store }) });
  app.get('/bare', async () => ({ ok: true }));
  app.get(
    '/read',
    { config: { rateLimit: { max: 1_000_000_000, timeWindow: 3_600_000, keyGenerator: (r: FastifyRequest) => `read:${kind}:${String(r.headers['x-user'])}` } } },
    async () => ({ ok: true }),
  );
  await app.ready();
  return app;
}

async function load(app: FastifyInstance, url: string, next: () => number): Promise<{ rate: number; calls: number }> {
  const end = performance.now() + SECONDS * 1000;
  let calls = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const r = await app.inject({ method: 'GET', url, headers: { 'x-user': String(next() % RESIDENTS) } });
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
        calls++;
      }
    }),
  );
  return { rate: calls / ((performance.now() - start) / 1000), calls };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const database = await createTestDatabase();
  const open = openDatabase(database.url);
  await migrateToLatest(open.db);
  const stores: Record<Kind, DatabaseRateLimitStore | null> = {
    memory: null,
    'database, every read': databaseRateLimitStore(open.db, { flushMs: 0, batched: (k) => k.startsWith('read:') }),
    'database, batched 250 ms': databaseRateLimitStore(open.db, { flushMs: 250, batched: (k) => k.startsWith('read:') }),
  };
  const kinds = Object.keys(stores) as Kind[];
  const apps = Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await build(k, stores[k])] as const))) as Record<Kind, FastifyInstance>;
  const ratios: Record<string, number[]> = {};
  const rates: Record<string, number[]> = {};
  const made: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k, Array<number>(RESIDENTS).fill(0)]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of kinds) {
      let i = round * 7919;
      const bare = await load(apps[kind], '/bare', () => i++);
      const counted = made[kind]!;
      const read = await load(apps[kind], '/read', () => {
        const user = i++ % RESIDENTS;
        counted[user]!++;
        return user;
      });
      (ratios[kind] ??= []).push(read.rate / bare.rate);
      (rates[kind] ??= []).push(read.rate);
      console.log(`  round ${round + 1} ${kind.padEnd(26)} ${read.rate.toFixed(0)} reads/s vs bare ${bare.rate.toFixed(0)}  ratio ${(read.rate / bare.rate).toFixed(3)}`);
    }
  }
  await Promise.all(kinds.map((k) => stores[k]?.close()));
  console.log(`\nrate-limit store on ${database.kind}, ${CONCURRENCY} concurrent injects, ${SECONDS} s a run, ${ROUNDS} rounds, medians; ratio = limited read ÷ unlimited route\n`);
  console.log('| store | ratio to the unlimited route | reads/s | every read stored once |');
  console.log('| --- | --- | --- | --- |');
  for (const kind of kinds) {
    let check = 'n/a (memory)';
    if (stores[kind]) {
      let wrong = 0;
      let stored = 0;
      for (let u = 0; u < RESIDENTS; u++) {
        const hits = (await readRateWindow(open.db, `GET /read|read:${kind}:${u}`))?.hits ?? 0;
        stored += hits;
        if (hits !== made[kind]![u]) wrong++;
      }
      check = wrong === 0 ? `yes (${stored})` : `NO: ${wrong} keys differ (${stored} stored)`;
    }
    console.log(`| ${kind} | ${median(ratios[kind]!).toFixed(3)} | ${median(rates[kind]!).toFixed(0)} | ${check} |`);
  }
  await Promise.all(kinds.map((k) => apps[k].close()));
  await open.close();
  await database.drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
