/**
 * In-process micro-timings of the reads (µs a call): the host on a test database with the
 * demo data, 100k feed articles and 50 of each "my" list for a few residents, each read
 * called through `host.inject` N times after a warm-up, next to `GET /api/health` the same
 * way. No sockets, no load generator: what one request costs the host's thread.
 *
 *   npx tsx bench/reads.ts                          (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/reads.ts
 *   READS_N=500 READS_ROUNDS=5 READS_ARTICLES=100000 READS_ONLY=bare,feed,users.me
 *   READS_PROFILE=dir (a CPU profile of each read's last round: dir/<read>.cpuprofile)
 */
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { signedHeaders, startBenchHost } from './bench-host';
import { feedKeyAt, seedArticles, seedMyLists } from './bench.storage';

const N = Number(process.env.READS_N ?? 500);
const ARTICLES = Number(process.env.READS_ARTICLES ?? 100_000);
const ONLY = process.env.READS_ONLY?.split(',');

async function main() {
  const { database, config, linli, stop } = await startBenchHost();
  const host = linli.host;
  const headers = (token?: string) => signedHeaders(config, token);
  try {
    const residents: Array<{ token: string; userId: string }> = [];
    for (let i = 0; i < 20; i++) {
      const r = await host.inject({ method: 'POST', url: '/1.1/users', headers: headers(), payload: { authData: { lc_weapp: { code: `dev:reads-${i}` } } } });
      const body = r.json<{ sessionToken: string; objectId: string }>();
      residents.push({ token: body.sessionToken, userId: body.objectId });
    }
    await seedMyLists(database.url, residents.map((r) => r.userId), 50);
    await seedArticles(database.url, ARTICLES, ['chaoyang', 'shangjie', 'kangle'], residents[0]!.userId);
    const deep = Buffer.from(JSON.stringify(await feedKeyAt(database.url, ['chaoyang', 'shangjie'], Math.min(20_000, ARTICLES / 2)))).toString('base64url');

    const ROUNDS = Number(process.env.READS_ROUNDS ?? 5);
    const cases: Array<{ label: string; once: (i: number) => Promise<void>; best: number; bestCpu: number }> = [];
    const time = (label: string, request: (i: number) => { method: 'GET' | 'POST'; url: string; token?: string; payload?: unknown }) => {
      if (ONLY && !ONLY.some((o) => label.startsWith(o))) return;
      const once = async (i: number) => {
        const q = request(i);
        const r = await host.inject({ method: q.method, url: q.url, headers: headers(q.token), ...(q.payload === undefined ? {} : { payload: q.payload as object }) });
        if (r.statusCode !== 200) throw new Error(`${label}: ${r.statusCode} ${r.body}`);
      };
      cases.push({ label, once, best: Infinity, bestCpu: Infinity });
    };
    const token = (i: number) => residents[i % residents.length]!.token;
    const fn = (name: string, body: unknown, signed = true) => (i: number) => ({ method: 'POST' as const, url: `/1.1/functions/${name}`, payload: body, token: signed ? token(i) : undefined });
    console.log(`reads on ${database.kind}: ${N} calls a round, best of ${ROUNDS} rounds, ${ARTICLES} feed articles`);
    time('bare GET /api/health', () => ({ method: 'GET', url: '/api/health' }));
    time('users.me', (i) => ({ method: 'GET', url: '/1.1/users/me', token: token(i) }));
    time('feed first page (articles.list)', fn('articles.list', { communityId: 'chaoyang' }, false));
    time('feed deep page', fn('articles.list', { communityId: 'chaoyang', limit: 10, cursor: deep }, false));
    time('feed no community', fn('articles.list', {}, false));
    time('events.list', fn('events.list', { communityId: 'chaoyang' }, false));
    time('events.list past (read afresh)', fn('events.list', { communityId: 'chaoyang', when: 'past' }, false));
    time('bookings.mine', fn('bookings.mine', {}));
    time('petitions.mine', fn('petitions.mine', {}));
    time('events.mine', fn('events.mine', {}));
    time('bookings.mine 50', fn('bookings.mine', { limit: 50 }));
    time('petitions.mine 50', fn('petitions.mine', { limit: 50 }));
    time('events.mine 50', fn('events.mine', { limit: 50 }));
    // Rounds interleave the reads, so a busy moment of the machine falls on all of them; each
    // read's figure is its best round (the least disturbed), after a warm-up.
    for (const c of cases) for (let i = 0; i < 300; i++) await c.once(i);
    const profiler = process.env.READS_PROFILE ? profileSession(process.env.READS_PROFILE) : null;
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of cases) {
        const profiled = profiler && round === ROUNDS - 1;
        if (profiled) await profiler.start();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < N; i++) await c.once(i);
        const cpu = process.cpuUsage(cpu0);
        c.best = Math.min(c.best, ((performance.now() - t0) * 1000) / N);
        c.bestCpu = Math.min(c.bestCpu, (cpu.user + cpu.system) / N);
        if (profiled) await profiler.stop(c.label);
      }
    }
    // CPU time of this process (the host's thread and its libuv pool) is what other processes
    // on the machine disturb least; on PostgreSQL the server's own time is in the wall time only.
    const bare = cases.find((c) => c.label.startsWith('bare'));
    console.log(`  ${'read'.padEnd(36)} ${'wall µs'.padStart(8)} ${'cpu µs'.padStart(8)} ${'cpu over bare'.padStart(14)}`);
    for (const c of cases) {
      console.log(`  ${c.label.padEnd(36)} ${c.best.toFixed(0).padStart(8)} ${c.bestCpu.toFixed(0).padStart(8)} ${bare ? (c.bestCpu - bare.bestCpu).toFixed(0).padStart(14) : ''}`);
    }
  } finally {
    await stop();
  }
}

/** The inspector's CPU profiler, one file a read. */
function profileSession(dir: string) {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  const enabled = post('Profiler.enable');
  return {
    start: async () => {
      await enabled;
      await post('Profiler.start');
    },
    stop: async (label: string) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${label.replace(/[^\w.]+/g, '-')}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
