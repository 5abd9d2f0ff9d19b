/**
 * Every function of issue #18's table, each measured with autocannon right after the bare
 * route `GET /api/health` measured the same way, three rounds, medians. The host runs in a
 * child process (bench/host.ts); every request carries a fresh `X-LC-Sign` and, where
 * signed in, a session from a pool of residents. Correctness of the writes is counted in
 * the database afterwards: nothing oversold, nothing lost.
 *
 *   npx tsx bench/functions.ts                        (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/functions.ts
 *   BENCH_ONLY=users.me,feed npx tsx bench/functions.ts   (a subset, by label prefix)
 *   BENCH_PROFILE=dir npx tsx bench/functions.ts      (the host writes a CPU profile of each measurement into dir)
 *   BENCH_SECONDS=10 (default 5)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { ERRORS } from '../types';
import { shanghaiDay, shanghaiTime } from '../types/time';
import { benchEventInput } from './bench-host';
import { countRows, eventCounts, feedKeyAt, seedArticles, seedMyLists } from './bench.storage';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const ONLY = process.env.BENCH_ONLY?.split(',');
const SPREAD_RESIDENTS = 2000;
const SPREAD_EVENTS = 100;
const HOT_RESIDENTS = 1000;
const HOT_CAPACITY = 150;
const FEED_ARTICLES = 100_000;

interface HostInfo {
  url: string;
  appId: string;
  appKey: string;
  kind: string;
  databaseUrl: string;
}

function startHost(): Promise<{ info: HostInfo; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'host.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench host exited with ${code}`)));
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.on('line', (l) => profiled.shift()?.(l));
      resolve({ info: JSON.parse(line) as HostInfo, child });
    });
  });
}

/** With BENCH_PROFILE, the host profiles each measurement (bench/host.ts); these wait for its answer. */
const profiled: Array<(line: string) => void> = [];
let hostChild: ChildProcess | undefined;
function profileStart(): void {
  if (process.env.BENCH_PROFILE) hostChild?.stdin?.write('start\n');
}
async function profileStop(label: string): Promise<void> {
  if (!process.env.BENCH_PROFILE) return;
  const name = label.replace(/[^\w.]+/g, '-').replace(/-+$/, '');
  const line = await new Promise<string>((resolve) => {
    profiled.push(resolve);
    hostChild?.stdin?.write(`stop ${name}\n`);
  });
  console.log(`      ${line}`);
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let host: HostInfo;
const sign = () => {
  const ts = String(Date.now());
  return `${crypto.createHash('md5').update(ts + host.appKey).digest('hex')},${ts}`;
};
const headers = (token?: string): Record<string, string> => ({
  'content-type': 'application/json',
  'x-lc-id': host.appId,
  'x-lc-sign': sign(),
  ...(token ? { 'x-lc-session': token } : {}),
});

/** Set-up calls (not measured). */
async function call<T>(name: string, params: unknown, token?: string): Promise<T> {
  const response = await fetch(`${host.url}/1.1/functions/${name}`, { method: 'POST', headers: headers(token), body: JSON.stringify(params) });
  const body = (await response.json()) as { result?: T; code?: number; error?: string };
  if (response.status !== 200) throw new Error(`${name}: ${response.status} ${body.code} ${body.error}`);
  return body.result!;
}

async function login(persona: string): Promise<{ token: string; userId: string }> {
  const response = await fetch(`${host.url}/1.1/users`, {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ authData: { lc_weapp: { code: `dev:${persona}` } } }),
  });
  const body = (await response.json()) as { sessionToken: string; objectId: string };
  return { token: body.sessionToken, userId: body.objectId };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

interface Load {
  connections: number;
  /** A fixed number of requests (writes: each one distinct) instead of a duration. */
  amount?: number;
  method: 'GET' | 'POST';
  path: string;
  /** The i-th request's session and body. */
  request(i: number): { token?: string; body?: unknown };
}

interface Run {
  rate: number;
  p50: number;
  p95: number;
  statuses: Map<number, number>;
  bodies: string[];
}

async function load(l: Load, keepBodies = false): Promise<Run> {
  let i = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const bodies: string[] = [];
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const instance = autocannon({
    url: host.url,
    connections: l.connections,
    ...(l.amount ? { amount: l.amount } : { duration: SECONDS }),
    timeout: 60,
    requests: [
      {
        method: l.method,
        path: l.path,
        setupRequest: (req) => {
          const r = l.request(i++);
          return { ...req, headers: headers(r.token), ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }) };
        },
        onResponse: (status, body) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (keepBodies) bodies.push(body);
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastResponseAt = performance.now();
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  // A fixed amount ends at its last response: autocannon reports its result on its next
  // one-second tick, so its `duration` rounds a write run up to whole seconds (2,000 sign-ups
  // done in 1.1 s counted as 2.0 s: the write ratios moved in steps of 1/1, 1/2, 1/3 s).
  const seconds = l.amount ? (lastResponseAt - startedAt) / 1000 : result.duration;
  return { rate: result.requests.total / seconds, p50: at(0.5), p95: at(0.95), statuses, bodies };
}

const bare = (connections: number): Load => ({ connections, method: 'GET', path: '/api/health', request: () => ({}) });
const fn = (name: string, connections: number, request: Load['request'], amount?: number): Load => ({
  connections,
  amount,
  method: 'POST',
  path: `/1.1/functions/${name}`,
  request,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Measurement {
  label: string;
  ratio: number;
  rate: number;
  bareRate: number;
  p50: number;
  p95: number;
  /** p95 at 10 connections (reads). */
  p95at10?: number;
  notes: string[];
}
const results: Measurement[] = [];

function wanted(label: string): boolean {
  return !ONLY || ONLY.some((o) => label.startsWith(o));
}

/** Three rounds of (bare, function), medians of each. `prepare` runs before each round. */
async function measure(
  label: string,
  connections: number,
  round: (r: number) => Promise<{ load: Load; verify?: (run: Run) => Promise<string> }>,
  latencyAt10?: Load,
): Promise<void> {
  if (!wanted(label)) return;
  const rates: number[] = [];
  const bares: number[] = [];
  const ratios: number[] = [];
  const p50s: number[] = [];
  const p95s: number[] = [];
  const notes: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const { load: l, verify } = await round(r);
    const b = await load(bare(connections));
    // The last round's function load alone is profiled (not the bare route, not the set-up).
    if (r === ROUNDS - 1) profileStart();
    const run = await load(l, verify !== undefined);
    if (r === ROUNDS - 1) await profileStop(label);
    const ok = run.statuses.get(200) ?? 0;
    const all = [...run.statuses.values()].reduce((a, n) => a + n, 0);
    if (!verify && ok !== all) notes.push(`round ${r + 1}: ${all - ok} of ${all} not 200 (${JSON.stringify([...run.statuses])})`);
    if (verify) notes.push(`round ${r + 1}: ${await verify(run)}`);
    rates.push(run.rate);
    bares.push(b.rate);
    ratios.push(run.rate / b.rate);
    p50s.push(run.p50);
    p95s.push(run.p95);
  }
  const m: Measurement = { label, ratio: median(ratios), rate: median(rates), bareRate: median(bares), p50: median(p50s), p95: median(p95s), notes };
  if (latencyAt10) m.p95at10 = (await load(latencyAt10)).p95;
  results.push(m);
  console.log(
    `  ${label.padEnd(44)} ratio ${m.ratio.toFixed(3)}  ${m.rate.toFixed(0)} req/s vs bare ${m.bareRate.toFixed(0)}  p50/p95 ${m.p50}/${m.p95} ms` +
      (m.p95at10 !== undefined ? `  p95@10 ${m.p95at10} ms` : ''),
  );
  for (const n of notes) console.log(`      ${n}`);
}

function check(ok: boolean, text: string): string {
  if (!ok) process.exitCode = 1;
  return `${ok ? 'ok' : 'FAIL'} ${text}`;
}

async function main() {
  const started = await startHost();
  host = started.info;
  hostChild = started.child;
  console.log(`functions on ${host.kind}: autocannon, ${SECONDS} s a run, ${ROUNDS} rounds, medians; ratio = function req/s ÷ GET /api/health req/s`);
  try {
    const admin = (await login('admin')).token;
    const residents: Array<{ token: string; userId: string }> = [];
    await inBatches(
      Array.from({ length: SPREAD_RESIDENTS }, (_, i) => i),
      50,
      async (i) => {
        residents[i] = await login(`bench-${i}`);
      },
    );
    const tokenOf = (i: number) => residents[i % residents.length]!.token;

    const newEvent = async (capacity: number, n: number) => {
      const start = new Date(Date.now() + (3 + n / 1000) * 24 * 3_600_000);
      const { id } = await call<{ id: string }>('events.create', benchEventInput(start, capacity), admin);
      await call('events.publish', { id }, admin);
      return id;
    };

    // Writes first, so the "my" lists then have something in them.
    let eventNo = 0;
    await measure(`events.register, ${SPREAD_RESIDENTS} over ${SPREAD_EVENTS} events`, 50, async () => {
      const events: string[] = [];
      for (let e = 0; e < SPREAD_EVENTS; e++) events.push(await newEvent(100, eventNo++));
      return {
        load: fn('events.register', 50, (i) => ({ token: tokenOf(i), body: { eventId: events[i % SPREAD_EVENTS] } }), SPREAD_RESIDENTS),
        verify: async (run) => {
          const c = await eventCounts(host.databaseUrl, events);
          return check(
            run.statuses.get(200) === SPREAD_RESIDENTS && c.registrations === SPREAD_RESIDENTS && c.overSold === 0,
            `${run.statuses.get(200) ?? 0} answered 200, ${c.registrations} stored (0 lost), ${c.confirmed} confirmed / ${c.waitlisted} waiting, ${c.overSold} events oversold`,
          );
        },
      };
    });

    await measure(`events.register, ${HOT_RESIDENTS} on one ${HOT_CAPACITY}-seat event @200`, 200, async () => {
      const event = await newEvent(HOT_CAPACITY, eventNo++);
      return {
        load: fn('events.register', 200, (i) => ({ token: tokenOf(i), body: { eventId: event } }), HOT_RESIDENTS),
        verify: async (run) => {
          const c = await eventCounts(host.databaseUrl, [event]);
          const places = run.bodies
            .map((b) => (JSON.parse(b) as { result?: { waitlistPosition: number | null } }).result?.waitlistPosition)
            .filter((p): p is number => typeof p === 'number')
            .sort((a, b) => a - b);
          return check(
            c.confirmed === HOT_CAPACITY && c.waitlisted === HOT_RESIDENTS - HOT_CAPACITY && c.overSold === 0 && places.every((p, k) => p === k + 1),
            `exactly ${c.confirmed} confirmed, ${c.waitlisted} waiting at places 1..${places.length}, ${c.registrations} stored, oversold ${c.overSold}`,
          );
        },
      };
    });

    // Rooms open 06:00–22:00 in 15-minute slots, 14 days ahead: each request books its own slot.
    const tomorrow = shanghaiDay(new Date(Date.now() + 24 * 3_600_000));
    const allWeek = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '06:00', end: '22:00' }]]));
    let roomNo = 0;
    await measure(`bookings.create, ${SPREAD_RESIDENTS} over many rooms`, 50, async () => {
      const rooms: string[] = [];
      for (let k = 0; k < 4; k++) {
        const { id } = await call<{ id: string }>(
          'bookings.saveResource',
          { centerId: 'chaoyang-center', kind: 'room', name: `测量用功能室${roomNo++}`, capacity: 20, hours: allWeek, slotMinutes: 15, minNoticeMinutes: 0 },
          admin,
        );
        rooms.push(id);
      }
      const slotOf = (i: number) => {
        const k = Math.floor(i / rooms.length);
        const day = shanghaiDay(new Date(shanghaiTime(tomorrow, '12:00').getTime() + Math.floor(k / 64) * 24 * 3_600_000));
        const minutes = 6 * 60 + (k % 64) * 15;
        return shanghaiTime(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`).toISOString();
      };
      return {
        load: fn('bookings.create', 50, (i) => ({ token: tokenOf(i), body: { resourceId: rooms[i % rooms.length], start: slotOf(i), partySize: 1 } }), SPREAD_RESIDENTS),
        verify: async (run) => {
          const stored = await countRows(host.databaseUrl, 'bookings', residents.map((r) => r.userId));
          const refused = run.bodies.filter((b) => (JSON.parse(b) as { code?: number }).code === ERRORS.BOOKING_SLOT_TAKEN.code).length;
          return check(run.statuses.get(200) === SPREAD_RESIDENTS, `${run.statuses.get(200) ?? 0} booked, ${refused} refused as taken, ${stored} bookings stored in all`);
        },
      };
    });

    await measure(`petitions.submit, ${SPREAD_RESIDENTS} residents`, 50, async () => ({
      load: fn(
        'petitions.submit',
        50,
        (i) => ({
          token: tokenOf(i),
          body: { kind: 'request', category: '道路设施', title: '楼下路灯不亮', description: '三号楼楼下的路灯已经坏了一个星期，晚上出行不便。', contactPhone: '13800138000', communityId: 'chaoyang' },
        }),
        SPREAD_RESIDENTS,
      ),
      verify: async (run) => {
        const stored = await countRows(host.databaseUrl, 'petitions', residents.map((r) => r.userId));
        return check(run.statuses.get(200) === SPREAD_RESIDENTS, `${run.statuses.get(200) ?? 0} answered 200, ${stored} petitions stored in all`);
      },
    }));

    // Reads, at 50 connections for the ratio and at 10 for the p95.
    const read = (label: string, name: string, body: (i: number) => unknown, signed = true) =>
      measure(
        label,
        50,
        async () => ({ load: fn(name, 50, (i) => ({ token: signed ? tokenOf(i) : undefined, body: body(i) })) }),
        fn(name, 10, (i) => ({ token: signed ? tokenOf(i) : undefined, body: body(i) })),
      );
    // The envelope alone: a function that reads nothing (the template ids from config), so
    // its ratio is the ceiling every function starts under.
    await read('envelope, notifications.templateIds (signed, anonymous)', 'notifications.templateIds', () => ({}), false);
    await read('envelope, notifications.templateIds (signed, session)', 'notifications.templateIds', () => ({}));
    if (wanted('users.me')) {
      await measure(
        'users.me (signed, session)',
        50,
        async () => ({ load: { connections: 50, method: 'GET', path: '/1.1/users/me', request: (i) => ({ token: tokenOf(i) }) } }),
        { connections: 10, method: 'GET', path: '/1.1/users/me', request: (i) => ({ token: tokenOf(i) }) },
      );
    }
    // The first pages are kept by the host (cloud/core/reply-cache.ts) while nothing they show
    // changes; the lists read afresh (a past list, a page after a cursor) show what a miss costs.
    await read('articles.list (signed, anonymous)', 'articles.list', () => ({ communityId: 'chaoyang' }), false);
    await read('events.list (signed, anonymous)', 'events.list', () => ({ communityId: 'chaoyang' }), false);
    // Signed in, as residents read them: the session check's statement also reads the versions.
    await read('articles.list (signed, session)', 'articles.list', () => ({ communityId: 'chaoyang' }));
    await read('events.list (signed, session)', 'events.list', () => ({ communityId: 'chaoyang' }));
    await read('events.list past, read afresh (signed, anonymous)', 'events.list', () => ({ communityId: 'chaoyang', when: 'past' }), false);
    await read('events.mine', 'events.mine', () => ({}));
    await read('bookings.mine', 'bookings.mine', () => ({}));
    await read('petitions.mine', 'petitions.mine', () => ({}));

    if (wanted('my lists')) {
      // 50 of each for 100 residents (who also hold what the write runs left them).
      const few = residents.slice(0, 100);
      await seedMyLists(host.databaseUrl, few.map((r) => r.userId), 50);
      const mine = (label: string, name: string, body: unknown) =>
        measure(
          label,
          10,
          async () => ({ load: fn(name, 10, (i) => ({ token: few[i % few.length]!.token, body })) }),
        );
      await mine('my lists, events.mine 50 a page @10', 'events.mine', { limit: 50 });
      await mine('my lists, bookings.mine 50 a page @10', 'bookings.mine', { limit: 50 });
      await mine('my lists, petitions.mine 50 a page @10', 'petitions.mine', { limit: 50 });
    }

    if (wanted('feed')) {
      const scopes = ['chaoyang', 'shangjie'];
      const author = residents[0]!.userId;
      const seeded = performance.now();
      await seedArticles(host.databaseUrl, FEED_ARTICLES, [...scopes, 'kangle'], author);
      console.log(`  (${FEED_ARTICLES} articles seeded and analyzed in ${((performance.now() - seeded) / 1000).toFixed(1)} s)`);
      const key = await feedKeyAt(host.databaseUrl, scopes, 20_000);
      const deep = Buffer.from(JSON.stringify(key)).toString('base64url');
      const feed = (label: string, body: unknown) =>
        measure(label, 10, async () => ({ load: fn('articles.list', 10, () => ({ body })) }));
      await feed(`feed, ${FEED_ARTICLES / 1000}k articles, first page @10`, { communityId: 'chaoyang', limit: 10 });
      await feed(`feed, ${FEED_ARTICLES / 1000}k articles, page at row 20,000 @10`, { communityId: 'chaoyang', limit: 10, cursor: deep });
    }
  } finally {
    await stopHost(started.child);
  }
  console.log(`\n| measurement | ${host.kind} ratio to bare | p50 / p95 ms | p95 @10 ms | bare req/s | function req/s |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const m of results) {
    console.log(`| ${m.label} | ${m.ratio.toFixed(3)} | ${m.p50} / ${m.p95} | ${m.p95at10 ?? ''} | ${m.bareRate.toFixed(0)} | ${m.rate.toFixed(0)} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
