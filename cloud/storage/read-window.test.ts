import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { compiledQuery } from './compiled-query';
import { openDatabase, type OpenDatabase } from './dialect';
import { migratedTestDatabase, type TestDatabase } from './test-database';

/**
 * On SQLite, reads outside a transaction share one read transaction until the event loop's
 * next turn (dialect.ts, `ReadWindow`). What a read may see is the same as if each ran alone:
 * every commit this process made before it, and another process's commits from the next
 * turn. Every step below stays in one turn of the loop (only promises, no timers or I/O),
 * unless it says it waits for the next one.
 */
let database: TestDatabase;
let open: OpenDatabase;
let other: OpenDatabase;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, open, close } = await migratedTestDatabase());
  // A second host on the same database (two hosts in one test process).
  other = openDatabase(database.url, { groupCommit: { maxJobs: 32, maxMs: 5 } });
  const at = '2026-11-30T00:00:00.000Z';
  await sql`INSERT INTO users (id, nickname, created_at, updated_at) VALUES ('u1', '张阿姨', ${at}, ${at})`.execute(open.db);
});
afterAll(async () => {
  await other.close();
  await close();
});

const nickname = compiledQuery((db, p: { id: string }) => db.selectFrom('users').select('nickname').where('id', '=', p.id));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const rename = (db: OpenDatabase['db'], name: string) => db.updateTable('users').set({ nickname: name }).where('id', '=', 'u1').execute();

describe('reads that share a read transaction', () => {
  beforeEach(async () => {
    await nextTurn();
    await rename(open.db, '张阿姨');
    await nextTurn();
  });

  it("see the handle's own write made in the same turn, and its next read too", async () => {
    expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
    await rename(open.db, '张秀兰');
    expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张秀兰' });
    // Committed when it returned, not at the end of the turn: another host reads it at once.
    expect(await nickname.takeFirst(other.db, { id: 'u1' })).toEqual({ nickname: '张秀兰' });
    expect(await open.db.selectFrom('users').select('nickname').where('id', '=', 'u1').executeTakeFirst()).toEqual({ nickname: '张秀兰' });
  });

  it("see another host's transaction in this process the moment it commits, not before", async () => {
    expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
    let seenInside: unknown;
    await other.db.transaction().execute(async (trx) => {
      await rename(trx, '张秀兰');
      // Uncommitted: the first host reads what was committed.
      seenInside = await nickname.takeFirst(open.db, { id: 'u1' });
    });
    expect(seenInside).toEqual({ nickname: '张阿姨' });
    expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张秀兰' });
  });

  it('leave a write of the same handle whole when they end (the write is committed, once)', async () => {
    expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
    await open.db.transaction().execute(async (trx) => {
      await rename(trx, '张秀兰');
    });
    await nextTurn();
    const again = openDatabase(database.url, { groupCommit: false });
    try {
      expect(await nickname.takeFirst(again.db, { id: 'u1' })).toEqual({ nickname: '张秀兰' });
    } finally {
      await again.close();
    }
  });

  const sqliteOnly = process.env.LINLI_TEST_PG_URL ? it.skip : it;

  /** A passive checkpoint, tried again while the hosts' own checkpointers hold the lock (busy). */
  async function checkpoint(connection: SqliteDatabase.Database): Promise<{ log: number; checkpointed: number }> {
    for (;;) {
      const [result] = connection.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as Array<{ busy: number; log: number; checkpointed: number }>;
      if (!result!.busy) return result!;
      // Within the same turn: a timer or I/O would end the window.
      await Promise.resolve();
    }
  }

  sqliteOnly("see another process's commit from the next turn, and share one snapshot until then", async () => {
    // A connection that is not the product's, as an operator's sqlite3 would be.
    const outside = new SqliteDatabase(database.url);
    try {
      expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
      outside.prepare(`UPDATE users SET nickname = '张秀兰' WHERE id = 'u1'`).run();
      // The same turn: the read joins the transaction the first read began (without the
      // window it would see the new name at once; that is what makes the reads cheaper).
      expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
      await nextTurn();
      expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张秀兰' });
    } finally {
      outside.close();
    }
  });

  sqliteOnly('never hold back a checkpoint past the turn', async () => {
    const outside = new SqliteDatabase(database.url);
    try {
      expect(await nickname.takeFirst(open.db, { id: 'u1' })).toEqual({ nickname: '张阿姨' });
      outside.prepare(`UPDATE users SET nickname = '张秀兰' WHERE id = 'u1'`).run();
      // While the window is open its snapshot pins the WAL: not every frame can be copied back.
      const pinned = await checkpoint(outside);
      expect(pinned.checkpointed).toBeLessThan(pinned.log);
      await nextTurn();
      const done = await checkpoint(outside);
      expect(done.checkpointed).toBe(done.log);
    } finally {
      outside.close();
    }
  });
});
