/**
 * The three spread writes and the hot event in process: the real host (startLinli on a fresh
 * test database with the demo data), requests through Fastify's `inject` (no sockets), each
 * write timed in µs per call one at a time and with many in flight, and the statements each
 * one sends to the database counted by their text. The bare route `GET /api/health` is timed
 * the same way in the same run. Correctness is checked as bench/functions.ts does.
 *
 *   npx tsx bench/writes.ts                                   (SQLite)
 *   LINLI_TEST_PG_URL=postgres://… npx tsx bench/writes.ts    (PostgreSQL)
 *   BENCH_N=1000 (calls a measurement, default 1000)   BENCH_STATEMENTS=1 (print each statement's text)
 *   BENCH_ONLY=hot (only the hot event), spread (only the three spread writes) or register (sign-ups only: spread and hot)
 *   BENCH_PROFILE=dir (a CPU profile of each measurement with 50 in flight: dir/<label>.cpuprofile)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { shanghaiDay, shanghaiTime } from '../types/time';
import { registerResident } from '../cloud/events/events.storage';
import { seatMessages } from '../cloud/events/lib/event-messages';
import { newCheckinCode } from '../cloud/events/lib/event-view';
import { benchEventInput, signedHeaders, startBenchHost } from './bench-host';
import { countRows, eventCounts } from './bench.storage';

const N = Number(process.env.BENCH_N ?? 1000);
const HOT = 1000;
const HOT_CAPACITY = 150;

/** Every statement sent, by its text (SQLite: prepared statements run; PostgreSQL: client queries). */
const statements = new Map<string, number>();
/** SQLite only (its statements run synchronously): µs spent in each statement, by text. */
const statementUs = new Map<string, number>();
let counting = false;
function count(text: string) {
  if (counting) statements.set(text, (statements.get(text) ?? 0) + 1);
}
function countStatements(): void {
  const probe = new SqliteDatabase(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  for (const method of ['all', 'run', 'get', 'iterate']) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      count(this.source);
      if (!counting) return original.apply(this, args);
      const start = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        statementUs.set(this.source, (statementUs.get(this.source) ?? 0) + Number(process.hrtime.bigint() - start) / 1000);
      }
    };
  }
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    count(typeof first === 'string' ? first : (first as { text: string }).text);
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

const session = new inspector.Session();
const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));

async function main() {
  countStatements();
  if (process.env.BENCH_PROFILE) {
    session.connect();
    await post('Profiler.enable');
  }
  const { database, config, linli, stop } = await startBenchHost();
  const app = linli.host;
  const headers = (token?: string) => signedHeaders(config, token);
  const call = async <T>(name: string, body: unknown, token?: string): Promise<{ status: number; result: T; code?: number }> => {
    const response = await app.inject({ method: 'POST', url: `/1.1/functions/${name}`, headers: headers(token), payload: JSON.stringify(body) });
    const parsed = response.json<{ result: T; code?: number; error?: string }>();
    return { status: response.statusCode, result: parsed.result, code: parsed.code };
  };
  const must = async <T>(name: string, body: unknown, token?: string): Promise<T> => {
    const r = await call<T>(name, body, token);
    if (r.status !== 200) throw new Error(`${name}: ${r.status} ${r.code}`);
    return r.result;
  };
  const login = async (persona: string) => {
    const response = await app.inject({ method: 'POST', url: '/1.1/users', headers: headers(), payload: JSON.stringify({ authData: { lc_weapp: { code: `dev:${persona}` } } }) });
    const body = response.json<{ sessionToken: string; objectId: string }>();
    return { token: body.sessionToken, userId: body.objectId };
  };

  try {
    console.log(`writes in process on ${database.kind}, ${N} calls a measurement; µs per call (wall time ÷ calls)`);
    const admin = (await login('admin')).token;
    const residents: Array<{ token: string; userId: string }> = [];
    for (let i = 0; i < Math.max(N, HOT); i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => login(`bench-${i + k}`).then((r) => (residents[i + k] = r))));
    }
    const tokenOf = (i: number) => residents[i % residents.length]!.token;

    const timed = async (label: string, n: number, inFlight: number, work: (i: number) => Promise<unknown>, countThem = false) => {
      const profiling = process.env.BENCH_PROFILE && inFlight > 1 && countThem;
      if (profiling) await post('Profiler.start');
      statements.clear();
      statementUs.clear();
      counting = countThem;
      const start = process.hrtime.bigint();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < n) await work(next++);
        }),
      );
      const us = Number(process.hrtime.bigint() - start) / 1000 / n;
      counting = false;
      if (profiling) {
        const { profile } = (await post('Profiler.stop')) as { profile: unknown };
        fs.mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
        fs.writeFileSync(path.join(process.env.BENCH_PROFILE!, `${label.split(/[ ,]/)[0]}-${inFlight}.cpuprofile`), JSON.stringify(profile));
      }
      const total = [...statements.values()].reduce((a, b) => a + b, 0);
      console.log(`  ${label.padEnd(52)} ${us.toFixed(0).padStart(6)} µs/call${countThem ? `  ${(total / n).toFixed(2)} statements/call` : ''}`);
      if (countThem && process.env.BENCH_STATEMENTS) {
        for (const [text, k] of [...statements].sort((a, b) => b[1] - a[1])) console.log(`      ${(k / n).toFixed(2)} ${statementUs.has(text) ? `${(statementUs.get(text)! / k).toFixed(0).padStart(4)} µs` : ''}  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      return us;
    };
    const ok = (r: { status: number; code?: number }) => {
      if (r.status !== 200) throw new Error(`${r.status} ${r.code}`);
    };

    let eventNo = 0;
    const newEvent = async (capacity: number) => {
      const start = new Date(Date.now() + (3 + eventNo++ / 1000) * 24 * 3_600_000);
      const { id } = await must<{ id: string }>('events.create', benchEventInput(start, capacity), admin);
      await must('events.publish', { id }, admin);
      return id;
    };
    const tomorrow = shanghaiDay(new Date(Date.now() + 24 * 3_600_000));
    const allWeek = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '06:00', end: '22:00' }]]));
    let roomNo = 0;
    const newRooms = async () => {
      const rooms: string[] = [];
      for (let k = 0; k < 4; k++) {
        const { id } = await must<{ id: string }>(
          'bookings.saveResource',
          { centerId: 'chaoyang-center', kind: 'room', name: `测量用功能室${roomNo++}`, capacity: 20, hours: allWeek, slotMinutes: 15, minNoticeMinutes: 0 },
          admin,
        );
        rooms.push(id);
      }
      return rooms;
    };
    const slotOf = (rooms: string[], i: number) => {
      const k = Math.floor(i / rooms.length);
      const day = shanghaiDay(new Date(shanghaiTime(tomorrow, '12:00').getTime() + Math.floor(k / 64) * 24 * 3_600_000));
      const minutes = 6 * 60 + (k % 64) * 15;
      return shanghaiTime(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`).toISOString();
    };
    const petition = { kind: 'request', category: '道路设施', title: '楼下路灯不亮', description: '三号楼楼下的路灯已经坏了一个星期，晚上出行不便。', contactPhone: '13800138000', communityId: 'chaoyang' };

    const bare = () => timed('GET /api/health', 2000, 1, () => app.inject({ method: 'GET', url: '/api/health' }));
    await bare();
    for (const inFlight of process.env.BENCH_ONLY === 'hot' ? [] : [1, 50]) {
      console.log(`${inFlight} in flight:`);
      const bareUs = await bare();
      const report = (us: number) => console.log(`      ratio to bare ${(bareUs / us).toFixed(3)}`);
      const events: string[] = [];
      for (let e = 0; e < N / 20; e++) events.push(await newEvent(100));
      report(await timed('events.register, spread (20 a 100-seat event)', N, inFlight, (i) => call('events.register', { eventId: events[i % events.length] }, tokenOf(i)).then(ok), true));
      const spread = await eventCounts(database.url, events);
      if (spread.registrations !== N || spread.overSold) throw new Error(`spread: ${JSON.stringify(spread)}`);
      // The same sign-ups straight into storage (registerResident, no HTTP, no session): what the envelope leaves to the write.
      const direct: string[] = [];
      for (let e = 0; e < N / 20; e++) direct.push(await newEvent(100));
      const now = new Date();
      report(
        await timed('registerResident alone, spread (storage)', N, inFlight, (i) =>
          registerResident(linli.services.db, {
            eventId: direct[i % direct.length]!,
            userId: residents[i % residents.length]!.userId,
            sharedBy: null,
            code: newCheckinCode(crypto.randomBytes),
            now,
            notify: (kind, reg, row) => seatMessages(config, row, reg, kind, now),
          }),
        true),
      );
      if (process.env.BENCH_ONLY === 'register') continue;
      const rooms = await newRooms();
      report(await timed('bookings.create, spread (4 rooms)', N, inFlight, (i) => call('bookings.create', { resourceId: rooms[i % rooms.length], start: slotOf(rooms, i), partySize: 1 }, tokenOf(i)).then(ok), true));
      const before = await countRows(database.url, 'petitions', residents.map((r) => r.userId));
      report(await timed('petitions.submit', N, inFlight, (i) => call('petitions.submit', petition, tokenOf(i)).then(ok), true));
      const after = await countRows(database.url, 'petitions', residents.map((r) => r.userId));
      if (after - before !== N) throw new Error(`petitions: ${after - before} stored of ${N}`);
    }
    if (process.env.BENCH_ONLY === 'spread') return;
    console.log('hot event:');
    const bareUs = await bare();
    const hot = await newEvent(HOT_CAPACITY);
    const places: number[] = [];
    const us = await timed(`events.register, ${HOT} on one ${HOT_CAPACITY}-seat event @200`, HOT, 200, (i) =>
      call<{ waitlistPosition: number | null }>('events.register', { eventId: hot }, tokenOf(i)).then((r) => {
        ok(r);
        if (r.result.waitlistPosition !== null) places.push(r.result.waitlistPosition);
      }),
    true);
    console.log(`      ratio to bare ${(bareUs / us).toFixed(3)}`);
    const c = await eventCounts(database.url, [hot]);
    places.sort((a, b) => a - b);
    const right = c.confirmed === HOT_CAPACITY && c.waitlisted === HOT - HOT_CAPACITY && c.overSold === 0 && places.every((p, k) => p === k + 1);
    console.log(`      ${right ? 'ok' : 'FAIL'} exactly ${c.confirmed} confirmed, ${c.waitlisted} waiting at places 1..${places.length}`);
    if (!right) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
