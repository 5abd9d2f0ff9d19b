/**
 * `events.mine` in process, for a resident with 50 sign-ups: the page's statement alone
 * (`myEventRows`) and the whole call through Fastify's inject (signature, session, handler,
 * serialization), in µs per call, each as a ratio to the bare route `GET /api/health`
 * injected in the same run. Residents are taken in turn, the way "my lists" in
 * bench/functions.ts reads them.
 *
 *   npx tsx bench/my-events.ts                  (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/my-events.ts
 *   BENCH_CALLS=2000 (default 1000)
 */
import { myEventRows } from '../cloud/events/events.storage';
import { signedHeaders, startBenchHost } from './bench-host';
import { seedMyLists } from './bench.storage';

const RESIDENTS = 100;
const SIGNUPS = 50;
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

async function main() {
  const { database, config, linli, stop } = await startBenchHost({ LINLI_JOB_INTERVAL_MS: '0' });
  try {
    const headers = (token?: string) => signedHeaders(config, token);
    const residents: Array<{ token: string; userId: string }> = [];
    for (let i = 0; i < RESIDENTS; i++) {
      const r = await linli.host.inject({ method: 'POST', url: '/1.1/users', headers: headers(), payload: { authData: { lc_weapp: { code: `dev:bench-mine-${i}` } } } });
      const body = r.json<{ sessionToken: string; objectId: string }>();
      residents.push({ token: body.sessionToken, userId: body.objectId });
    }
    await seedMyLists(database.url, residents.map((r) => r.userId), SIGNUPS);

    const mine = async (i: number) => {
      const r = await linli.host.inject({ method: 'POST', url: '/1.1/functions/events.mine', headers: headers(residents[i % RESIDENTS]!.token), payload: { limit: 50 } });
      if (r.statusCode !== 200) throw new Error(`events.mine: ${r.statusCode} ${r.body}`);
      return r.rawPayload.length;
    };
    const bytes = await mine(0);
    const items = (await linli.host.inject({ method: 'POST', url: '/1.1/functions/events.mine', headers: headers(residents[0]!.token), payload: { limit: 50 } })).json<{ result: { items: unknown[] } }>().result.items.length;

    // Five batches: the fastest batch is the one least disturbed by other work on the machine.
    const timeIt = async (label: string, work: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < Math.min(CALLS, 200); i++) await work(i); // warm up
      const batches: number[] = [];
      for (let b = 0; b < 5; b++) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < CALLS / 5; i++) await work(b * CALLS + i);
        batches.push(Number(process.hrtime.bigint() - start) / 1000 / (CALLS / 5));
      }
      batches.sort((x, y) => x - y);
      return { label, us: batches[0]!, median: batches[2]! };
    };
    const now = new Date();
    const results = [
      await timeIt('GET /api/health (bare, inject)', () => linli.host.inject({ method: 'GET', url: '/api/health' })),
      await timeIt('myEventRows, 50 of 50 upcoming', (i) => myEventRows(linli.services.db, { userId: residents[i % RESIDENTS]!.userId, past: false, now, limit: 51 })),
      await timeIt('events.mine {limit: 50} (inject)', mine),
    ];
    const bare = results[0]!.us;
    console.log(`\n${database.kind}, ${RESIDENTS} residents × ${SIGNUPS} sign-ups, ${CALLS} calls each; reply ${bytes} bytes for ${items} items`);
    console.log('| call | µs per call (fastest batch) | median batch | ratio to bare (fastest) |');
    console.log('| --- | --- | --- | --- |');
    for (const r of results) console.log(`| ${r.label} | ${r.us.toFixed(0)} | ${r.median.toFixed(0)} | ${(bare / r.us).toFixed(3)} |`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
