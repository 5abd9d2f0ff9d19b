import { deleteEndedRateWindows } from '../jobs/jobs.storage';
import { openDatabase, type OpenDatabase } from '../storage/dialect';
import { migratedTestDatabase, type TestDatabase } from '../storage/test-database';
import { databaseRateLimitStore, type DatabaseRateLimitStore } from './rate-limit-store';
import { addRateHits, hitRateWindows, readRateWindow } from './rate-limits.storage';

/**
 * The shared store's local counting (rate-limit-store.ts), on the suite's database: two
 * stores stand for two hosts; time is ours to move. Reads (`read:` keys) are counted in
 * memory and flushed; other keys are counted exactly.
 */
let database: TestDatabase;
let open: OpenDatabase;
let close: () => Promise<void>;
let at = Date.UTC(2026, 11, 1, 2, 0, 0);
const now = () => at;
const WINDOW = 60_000;
const stores: DatabaseRateLimitStore[] = [];

beforeAll(async () => {
  ({ database, open, close } = await migratedTestDatabase());
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await close();
});

/** A host's store; its timer is far off unless `flushMs` says otherwise, so flushes are the test's. */
function host(flushMs = 3_600_000, db = open.db) {
  const store = databaseRateLimitStore(db, { flushMs, batched: (key) => key.startsWith('read:'), now });
  stores.push(store);
  const limiter = new store.Store({});
  const incr = (key: string) =>
    new Promise<{ current: number; ttl: number }>((resolve, reject) =>
      limiter.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), WINDOW, 10),
    );
  return { store, incr, current: async (key: string) => (await incr(key)).current };
}
const stored = async (key: string) => (await readRateWindow(open.db, `global|${key}`))?.hits;

describe('reads counted on each host and flushed together', () => {
  it('judges a read on the shared total plus the hits this host has not written yet', async () => {
    const a = host();
    const b = host();
    // A's first read of the window is written at once; the next ones wait in A's memory.
    expect(await a.current('read:u1')).toBe(1);
    expect(await stored('read:u1')).toBe(1);
    for (const n of [2, 3, 4, 5]) expect(await a.current('read:u1')).toBe(n);
    expect(await stored('read:u1')).toBe(1);
    // B's first read learns the shared total (A's written hit) and adds its own.
    expect(await b.current('read:u1')).toBe(2);
    // A's flush writes its four and reads back what B added: A now judges on 6.
    await a.store.flush();
    expect(await stored('read:u1')).toBe(6);
    expect(await a.current('read:u1')).toBe(7);
    // B has not flushed since its first read: it judges on what it saw then (the lag).
    expect(await b.current('read:u1')).toBe(3);
    await b.store.flush();
    expect(await stored('read:u1')).toBe(7);
    // (A's seventh is still in A's memory: B judges on 8 of the 9 made.)
    expect(await b.current('read:u1')).toBe(8);
    // Every hit of both hosts ends up counted once: A six, B three.
    await b.store.flush();
    await a.store.flush();
    expect(await stored('read:u1')).toBe(9);
    expect(await a.current('read:u1')).toBe(10);
    // Another key is another budget; the ttl is what is left of the shared window.
    expect(await a.incr('read:u2')).toEqual({ current: 1, ttl: WINDOW });
    at += 1_000;
    expect(await a.incr('read:u2')).toEqual({ current: 2, ttl: WINDOW - 1_000 });
  });

  it('writes the hits of many keys in one flush', async () => {
    const a = host();
    const b = host();
    const keys = Array.from({ length: 30 }, (_, i) => `read:many-${i}`);
    for (const key of keys) for (let i = 0; i < 3; i++) await a.incr(key);
    await a.store.flush();
    for (const key of keys) expect(await stored(key)).toBe(3);
    expect(await b.current(keys[7]!)).toBe(4);
  });

  it('two hosts flushing the same keys at once both land (rows locked in one order, no deadlock)', async () => {
    const a = host();
    const b = host();
    const keys = Array.from({ length: 1000 }, (_, i) => `read:both-${String(i).padStart(4, '0')}`);
    // Each host's first read of a key is written at once; the rest wait for the flushes.
    await Promise.all(keys.map((key) => a.incr(key)));
    await Promise.all(keys.map((key) => b.incr(key)));
    for (let round = 1; round <= 5; round++) {
      for (const key of keys) await a.incr(key);
      for (const key of [...keys].reverse()) await b.incr(key);
      await Promise.all([a.store.flush(), b.store.flush()]);
      for (const key of [keys[0]!, keys[499]!, keys[999]!]) expect(await stored(key)).toBe(2 + 2 * round);
    }
  });

  it('starts a new window when the old one ends, leaving the old one’s unwritten hits behind', async () => {
    const a = host();
    const b = host();
    expect(await a.current('read:w')).toBe(1);
    for (let i = 0; i < 3; i++) await a.incr('read:w');
    at += WINDOW;
    // The window has ended: the next read starts the new one in the database.
    expect(await a.incr('read:w')).toEqual({ current: 1, ttl: WINDOW });
    await a.store.flush();
    expect(await stored('read:w')).toBe(1);
    expect(await b.current('read:w')).toBe(2);
    // Ended windows are still deleted by the scheduled clean-up.
    at += WINDOW + 1;
    await deleteEndedRateWindows(open.db, at);
    expect(await stored('read:w')).toBeUndefined();
  });

  it('drops a late flush’s hits of an ended window instead of counting them in the next one', async () => {
    // Another host (its clock a little ahead) has already started the next window.
    const ended = at + WINDOW;
    await hitRateWindows(open.db, [{ key: 'late|read:x', hits: 1, windowMs: WINDOW }], ended);
    const flushed = await addRateHits(open.db, [{ key: 'late|read:x', hits: 5, resetAt: ended }], at);
    expect(flushed).toEqual([{ key: 'late|read:x', hits: 1, resetAt: ended + WINDOW }]);
    // Hits of the row's own window are added.
    expect(await addRateHits(open.db, [{ key: 'late|read:x', hits: 2, resetAt: ended + WINDOW }], at)).toEqual([{ key: 'late|read:x', hits: 3, resetAt: ended + WINDOW }]);
  });

  it('counts other keys exactly: each call is in the shared total at once', async () => {
    const a = host();
    const b = host();
    expect(await a.current('write:u1')).toBe(1);
    expect(await b.current('write:u1')).toBe(2);
    expect(await a.current('write:u1')).toBe(3);
    expect(await stored('write:u1')).toBe(3);
  });

  it('counts the exact calls of one turn in one upsert, each judged as the next hit of its key, on two hosts at once', async () => {
    const a = host();
    const b = host();
    expect(await a.current('write:turn')).toBe(1);
    const statements: number[] = [];
    const counted = open.db.withPlugin({
      transformQuery: (args) => (statements.push(1), args.node),
      transformResult: async (args) => args.result,
    });
    const c = host(3_600_000, counted);
    // Host C's eight calls of two keys, asked in one turn: one statement; each call is the next of its key.
    const mine = await Promise.all(['write:turn', 'write:turn', 'write:other', 'write:turn', 'write:other', 'write:turn', 'write:turn', 'write:turn'].map((k) => c.current(k)));
    expect(statements).toHaveLength(1);
    expect(mine).toEqual([2, 3, 1, 4, 2, 5, 6, 7]);
    // Hosts A and B in the same turn: every call counted once, no two judged on the same total.
    const both = await Promise.all([...Array.from({ length: 5 }, () => a.current('write:turn')), ...Array.from({ length: 5 }, () => b.current('write:turn'))]);
    expect([...both].sort((x, y) => x - y)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(await stored('write:turn')).toBe(17);
    expect(await stored('write:other')).toBe(2);
    // A window that ended starts again with the turn's calls.
    at += WINDOW;
    expect(await Promise.all([c.incr('write:turn'), c.incr('write:turn')])).toEqual([
      { current: 1, ttl: WINDOW },
      { current: 2, ttl: WINDOW },
    ]);
  });

  it('with no flush interval, counts reads exactly too', async () => {
    const a = host(0);
    const b = host(0);
    expect(await a.current('read:exact')).toBe(1);
    expect(await a.current('read:exact')).toBe(2);
    expect(await b.current('read:exact')).toBe(3);
    expect(await stored('read:exact')).toBe(3);
  });

  it('flushes on its own every interval, and what is left when closed', async () => {
    const a = host(20);
    await a.incr('read:timer');
    await a.incr('read:timer');
    await a.incr('read:timer');
    const deadline = Date.now() + 5_000;
    while ((await stored('read:timer')) !== 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(await stored('read:timer')).toBe(3);
    const c = host();
    await c.incr('read:closed');
    await c.incr('read:closed');
    await c.store.close();
    expect(await stored('read:closed')).toBe(2);
  });

  it('lets calls through when the database fails, and keeps the hits it could not write', async () => {
    const other = openDatabase(database.url, { groupCommit: false });
    const a = host(3_600_000, other.db);
    expect(await a.current('read:down')).toBe(1);
    await other.close();
    // Counted in memory as before; the flush fails and keeps them.
    expect(await a.current('read:down')).toBe(2);
    await a.store.flush();
    expect(await a.current('read:down')).toBe(3);
    // An exact count cannot be made: the call is let through (a limit is a brake).
    expect(await a.incr('write:down')).toEqual({ current: 0, ttl: WINDOW });
  });
});
