import { sql } from 'kysely';
import { openDatabase, type OpenDatabase } from './dialect';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * Group commit (group-commit.ts) on the database the suite runs on: concurrent write
 * transactions share one database transaction, a savepoint each; a request that fails is
 * undone alone, and nobody is answered before the batch is committed.
 */
let database: TestDatabase;
let open: OpenDatabase;
let other: OpenDatabase;
const batches: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  open = openDatabase(database.url, { groupCommit: { maxJobs: 8, maxMs: 1_000, onBatch: (n) => batches.push(n) } });
  // A second connection, without batching, to see what is committed.
  other = openDatabase(database.url, { groupCommit: false });
  await sql`CREATE TABLE gc_rows (id TEXT PRIMARY KEY, label TEXT NOT NULL)`.execute(open.db);
  await sql`CREATE TABLE gc_parents (id TEXT PRIMARY KEY)`.execute(open.db);
  await sql`CREATE TABLE gc_children (id TEXT PRIMARY KEY, parent TEXT REFERENCES gc_parents (id) DEFERRABLE INITIALLY DEFERRED)`.execute(open.db);
  await sql`INSERT INTO gc_parents (id) VALUES ('p1')`.execute(open.db);
});
afterAll(async () => {
  await open.close();
  await other.close();
  await database.drop();
});
beforeEach(async () => {
  batches.length = 0;
  await sql`DELETE FROM gc_rows`.execute(open.db);
  await sql`DELETE FROM gc_children`.execute(open.db);
});

const insertRow = (db: OpenDatabase['db'], id: string, label = 'x') => sql`INSERT INTO gc_rows (id, label) VALUES (${id}, ${label})`.execute(db);
const storedIds = async (db = other.db) =>
  (await sql<{ id: string }>`SELECT id FROM gc_rows ORDER BY id`.execute(db)).rows.map((r) => r.id);

/** A promise the test opens by hand, and a way to wait until every queued request has joined. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('when many write requests arrive together', () => {
  it('they share batches of at most maxJobs, and every one is stored', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => open.db.transaction().execute(async (tx) => {
        await insertRow(tx, `r${String(i).padStart(2, '0')}`);
        return i;
      })),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await storedIds()).toHaveLength(20);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...batches)).toBeLessThanOrEqual(8);
    expect(batches.length).toBeLessThan(20);
  });

  it('a lone request is committed at once, without waiting for a batch to fill', async () => {
    await open.db.transaction().execute((tx) => insertRow(tx, 'alone'));
    expect(await storedIds()).toEqual(['alone']);
    expect(batches).toEqual([1]);
  });
});

describe('when one request of a batch fails', () => {
  it('only that request is rolled back; its own error reaches it alone, the others are stored', async () => {
    const first = gate();
    const outcomes = await Promise.allSettled([
      // Holds the batch open until the others have queued behind it: all land in one batch.
      open.db.transaction().execute(async (tx) => {
        await insertRow(tx, 'a0');
        await first.opened;
      }),
      ...Array.from({ length: 7 }, (_, k) =>
        open.db.transaction().execute(async (tx) => {
          const i = k + 1;
          await insertRow(tx, `a${i}`);
          if (i === 3) throw new Error('名额已满'); // the request's own rule refuses it after a write
          if (i === 5) await insertRow(tx, 'a0'); // a constraint of the database refuses it
        }),
      ),
      settle().then(() => first.open()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toEqual(new Error('名额已满'));
    expect(await storedIds()).toEqual(['a0', 'a1', 'a2', 'a4', 'a6', 'a7']);
    expect(batches).toEqual([6]);
  });

  it('a request that swallowed a statement error of its own is undone alone on PostgreSQL, and keeps its other writes on SQLite', async () => {
    const first = gate();
    const outcomes = await Promise.allSettled([
      open.db.transaction().execute(async (tx) => {
        await insertRow(tx, 'b0');
        await first.opened;
      }),
      open.db.transaction().execute(async (tx) => {
        await insertRow(tx, 'b0').catch(() => 'duplicate, ignored');
        await insertRow(tx, 'b1').catch(() => 'the transaction is aborted on PostgreSQL');
      }),
      open.db.transaction().execute((tx) => insertRow(tx, 'b2')),
      settle().then(() => first.open()),
    ]);
    if (database.kind === 'postgres') {
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(await storedIds()).toEqual(['b0', 'b2']);
    } else {
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect(await storedIds()).toEqual(['b0', 'b1', 'b2']);
    }
  });
});

describe('the savepoints of a batch', () => {
  (process.env.LINLI_TEST_PG_URL ? it.skip : it)('keep their journals in memory on SQLite, not in temporary files (a system call a page)', async () => {
    const [setting] = (await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(open.db)).rows;
    expect(setting).toEqual({ temp_store: 2 }); // 2 = MEMORY; 0, the default, means files
  });
});

describe('answers', () => {
  it('a finished request is answered only once its whole batch is committed', async () => {
    const second = gate();
    let firstAnswered = false;
    const firstDone = open.db
      .transaction()
      .execute((tx) => insertRow(tx, 'c1'))
      .then(() => (firstAnswered = true));
    const secondDone = open.db.transaction().execute(async (tx) => {
      await insertRow(tx, 'c2');
      await second.opened;
    });
    await settle();
    // c1's body is over, but c2 is still running in the same batch: nothing is committed yet.
    expect(firstAnswered).toBe(false);
    expect(await storedIds()).toEqual([]);
    second.open();
    await Promise.all([firstDone, secondDone]);
    expect(firstAnswered).toBe(true);
    expect(await storedIds()).toEqual(['c1', 'c2']);
    expect(batches).toEqual([2]);
  });

  it('when the commit itself fails, every request of the batch gets the error and nothing is stored; the next batch works', async () => {
    const first = gate();
    const outcomes = await Promise.allSettled([
      open.db.transaction().execute(async (tx) => {
        await sql`INSERT INTO gc_children (id, parent) VALUES ('k1', 'p1')`.execute(tx);
        await first.opened;
      }),
      // A deferred foreign key is checked only at COMMIT, for the batch as a whole.
      open.db.transaction().execute((tx) => sql`INSERT INTO gc_children (id, parent) VALUES ('k2', 'nobody')`.execute(tx)),
      settle().then(() => first.open()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((await sql<{ id: string }>`SELECT id FROM gc_children`.execute(other.db)).rows).toEqual([]);
    expect(batches).toEqual([]);

    await open.db.transaction().execute((tx) => insertRow(tx, 'after'));
    expect(await storedIds()).toEqual(['after']);
  });

  it('reads and single statements outside a transaction go on while a batch is open on PostgreSQL, and after it on SQLite', async () => {
    const held = gate();
    const batch = open.db.transaction().execute(async (tx) => {
      await insertRow(tx, 'd1');
      await held.opened;
    });
    await settle();
    const outside = insertRow(open.db, 'd2');
    if (database.kind === 'postgres') await outside;
    held.open();
    await Promise.all([batch, outside]);
    expect(await storedIds()).toEqual(['d1', 'd2']);
  });
});
