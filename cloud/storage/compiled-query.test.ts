import { sql, type Kysely } from 'kysely';
import { compiledQuery } from './compiled-query';
import { openDatabase, type OpenDatabase } from './dialect';
import { migratedTestDatabase, type TestDatabase } from './test-database';

/** Queries compiled once and run with new values (compiled-query.ts), on the suite's database. */
let database: TestDatabase;
let open: OpenDatabase;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, open, close } = await migratedTestDatabase());
  const at = '2026-11-30T00:00:00.000Z';
  for (const [id, nickname, deleted] of [
    ['u1', '张阿姨', null],
    ['u2', '李大爷', null],
    ['u3', '王师傅', at],
  ] as const) {
    await sql`INSERT INTO users (id, nickname, created_at, updated_at, deleted_at) VALUES (${id}, ${nickname}, ${at}, ${at}, ${deleted})`.execute(open.db);
  }
});
afterAll(async () => {
  await close();
});

const liveUser = compiledQuery((db, p: { id: string }) =>
  db.selectFrom('users').select(['id', 'nickname']).where('id', '=', p.id).where('deleted_at', 'is', null),
);

describe('a query compiled once', () => {
  it('answers each call with that call’s values, and is built only once', async () => {
    expect(await liveUser.takeFirst(open.db, { id: 'u1' })).toEqual({ id: 'u1', nickname: '张阿姨' });
    expect(await liveUser.takeFirst(open.db, { id: 'u2' })).toEqual({ id: 'u2', nickname: '李大爷' });
    expect(liveUser.builds).toBe(1);
  });

  it('keeps the conditions the builder wrote itself (a deleted user is not found)', async () => {
    expect(await liveUser.takeFirst(open.db, { id: 'u3' })).toBeUndefined();
  });

  it('binds a value used twice, constants between values, and a limit', async () => {
    const page = compiledQuery((db, p: { after: string; also: string; n: number }) =>
      db
        .selectFrom('users')
        .select(['id'])
        .where((eb) => eb.or([eb('id', '>', p.after), eb('id', '=', p.also)]))
        .where('nickname', '!=', '没有这个人')
        .where('id', '!=', p.after)
        .orderBy('id')
        .limit(p.n),
    );
    expect((await page.all(open.db, { after: 'u1', also: 'u1', n: 5 })).map((r) => r.id)).toEqual(['u2', 'u3']);
    expect((await page.all(open.db, { after: 'u0', also: 'x', n: 1 })).map((r) => r.id)).toEqual(['u1']);
    // The builder's string constant is written into the text; the call's values stay parameters.
    const compiled = page.compile(open.db, { after: 'a', also: 'b', n: 3 });
    expect(compiled.parameters).toEqual(['a', 'b', 'a', 3]);
    expect(compiled.sql).toContain("'没有这个人'");
  });

  it('refuses a value made into text while the query is built (it would become a constant)', () => {
    const like = compiledQuery((db, p: { name: string }) => db.selectFrom('users').select(['id']).where('nickname', 'like', `${p.name}%`));
    expect(() => like.compile(open.db, { name: '张' })).toThrow(/may only be bound/);
  });

  it('writes a string constant as a literal that keeps its quotes, and leaves quoted text alone', async () => {
    await sql`INSERT INTO users (id, nickname, created_at, updated_at) VALUES ('u4', ${"O'Neil ? $1"}, '2026-11-30', '2026-11-30')`.execute(open.db);
    const named = compiledQuery((db, p: { id: string }) =>
      db
        .selectFrom('users')
        .select(['id', sql<string>`'it''s $1 ?'`.as('note')])
        .where('nickname', '=', "O'Neil ? $1")
        .where('id', '=', p.id)
        .where('deleted_at', 'is', null),
    );
    expect(await named.all(open.db, { id: 'u4' })).toEqual([{ id: 'u4', note: "it's $1 ?" }]);
    expect(await named.all(open.db, { id: 'u1' })).toEqual([]);
    expect(named.compile(open.db, { id: 'u4' }).parameters).toEqual(['u4']);
    await sql`DELETE FROM users WHERE id = 'u4'`.execute(open.db);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    const seen = await open.db.transaction().execute(async (tx) => {
      await sql`UPDATE users SET nickname = '张阿姨（改）' WHERE id = 'u1'`.execute(tx);
      const row = await liveUser.takeFirst(tx, { id: 'u1' });
      throw Object.assign(new Error('roll back'), { row });
    }).catch((e: { row?: unknown }) => e.row);
    expect(seen).toEqual({ id: 'u1', nickname: '张阿姨（改）' });
    expect(await liveUser.takeFirst(open.db, { id: 'u1' })).toEqual({ id: 'u1', nickname: '张阿姨' });
  });
});

describe('a compiled read outside any transaction', () => {
  it('never sees what another request’s open transaction has written but not committed', async () => {
    let opened!: () => void;
    const written = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = open.db.transaction().execute(async (tx) => {
      await sql`UPDATE users SET nickname = '未提交' WHERE id = 'u2'`.execute(tx);
      opened();
      await held;
      throw new Error('rolled back');
    });
    await written;
    // Asked while the transaction is open on SQLite's one connection: it must wait for it
    // (Kysely's lock), not read the connection's uncommitted state (cloud/storage/dialect.ts).
    const read = liveUser.takeFirst(open.db, { id: 'u2' });
    release();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await read).toEqual({ id: 'u2', nickname: '李大爷' });
  });

  it('runs without Kysely’s executor: on SQLite a read (a statement that writes still goes through it), on PostgreSQL any', async () => {
    const executor = jest.spyOn(open.db, 'executeQuery');
    try {
      expect(await liveUser.takeFirst(open.db, { id: 'u1' })).toEqual({ id: 'u1', nickname: '张阿姨' });
      expect(executor).toHaveBeenCalledTimes(0);
      const rename = compiledQuery((db, p: { id: string; nickname: string }) =>
        db.updateTable('users').set({ nickname: p.nickname }).where('id', '=', p.id).returning(['id', 'nickname']),
      );
      expect(await rename.takeFirst(open.db, { id: 'u1', nickname: '张阿姨' })).toEqual({ id: 'u1', nickname: '张阿姨' });
      expect(executor).toHaveBeenCalledTimes(open.kind === 'sqlite' ? 1 : 0);
    } finally {
      executor.mockRestore();
    }
  });

  it('answers the rows Kysely’s own path answers: each column in order, numbers, nulls, a repeated name last', async () => {
    const build = (db: typeof open.db, id: string) =>
      db
        .selectFrom('users as u')
        .select(['u.nickname', 'u.id', 'u.deleted_at', sql<number>`length(u.nickname)`.as('n'), 'u.id as nickname'])
        .where('u.id', '=', id);
    const compiled = compiledQuery((db, p: { id: string }) => build(db, p.id));
    const direct = await compiled.all(open.db, { id: 'u1' });
    const usual = await build(open.db, 'u1').execute();
    expect(direct).toEqual([{ nickname: 'u1', id: 'u1', deleted_at: null, n: 3 }]);
    expect(direct).toEqual(usual);
    expect(Object.keys(direct[0]!)).toEqual(Object.keys(usual[0]!));
    // The same text inside a transaction goes Kysely's way, on the statement the read shared.
    const inside = await open.db.transaction().execute((tx) => compiled.all(tx, { id: 'u1' }));
    expect(inside).toEqual(usual);
    expect(Object.keys(inside[0]!)).toEqual(Object.keys(usual[0]!));
  });

  interface Probe {
    probe_rows: { id: string; n: number; note: string | null };
  }
  // On PostgreSQL the prepared statement fails the first call after such a change and its
  // connection is dropped (dialect.ts, "cached plan"): a schema change is a migration's, at start.
  (process.env.LINLI_TEST_PG_URL ? it.skip : it)('on SQLite answers a `select *` with the columns the table has now, by their names now', async () => {
    await sql`CREATE TABLE probe_rows (id text PRIMARY KEY, n integer)`.execute(open.db);
    try {
      await sql`INSERT INTO probe_rows (id, n) VALUES ('a', 1)`.execute(open.db);
      const all = compiledQuery((db, p: { id: string }) => (db as unknown as Kysely<Probe>).selectFrom('probe_rows').selectAll().where('id', '=', p.id));
      expect(await all.all(open.db, { id: 'a' })).toEqual([{ id: 'a', n: 1 }]);
      await sql`ALTER TABLE probe_rows ADD COLUMN note text`.execute(open.db);
      await sql`UPDATE probe_rows SET note = '新加的一列'`.execute(open.db);
      expect(await all.all(open.db, { id: 'a' })).toEqual([{ id: 'a', n: 1, note: '新加的一列' }]);
      // A renamed column: as many columns as before, another name.
      await sql`ALTER TABLE probe_rows RENAME COLUMN n TO amount`.execute(open.db);
      expect(await all.all(open.db, { id: 'a' })).toEqual([{ id: 'a', amount: 1, note: '新加的一列' }]);
    } finally {
      await sql`DROP TABLE probe_rows`.execute(open.db);
    }
  });

  (process.env.LINLI_TEST_PG_URL ? it : it.skip)('on PostgreSQL a statement’s own error keeps its connection (and what it prepared)', async () => {
    const single = openDatabase(database.url, { groupCommit: false, poolSize: 1 });
    const backend = async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(single.db)).rows[0]?.pid;
    const byCount = compiledQuery((db, p: { n: string }) => db.selectFrom('users').select(['id']).where(sql<boolean>`length(nickname) = ${p.n}::integer`));
    try {
      const before = await backend();
      await byCount.all(single.db, { n: '3' });
      await expect(byCount.all(single.db, { n: '三' })).rejects.toThrow(/invalid input syntax/);
      expect(await backend()).toBe(before);
    } finally {
      await single.close();
    }
  });

  (process.env.LINLI_TEST_PG_URL ? it : it.skip)('on PostgreSQL is a prepared statement of the connection, parsed once', async () => {
    const single = openDatabase(database.url, { groupCommit: false, poolSize: 1 });
    try {
      for (const id of ['u1', 'u2', 'u1']) await liveUser.takeFirst(single.db, { id });
      const prepared = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(single.db);
      expect(prepared.rows.filter((r) => r.statement === liveUser.compile(single.db, { id: 'u1' }).sql)).toHaveLength(1);
      // …and, past PostgreSQL's five custom plans, run on its generic plan, planned once.
      for (let i = 0; i < 8; i++) await liveUser.takeFirst(single.db, { id: 'u2' });
      const plans = await sql<{ generic_plans: number; statement: string }>`SELECT generic_plans, statement FROM pg_prepared_statements`.execute(single.db);
      expect(plans.rows.find((r) => r.statement === liveUser.compile(single.db, { id: 'u1' }).sql)?.generic_plans).toBeGreaterThan(0);
    } finally {
      await single.close();
    }
  });

  (process.env.LINLI_TEST_PG_URL ? it : it.skip)('on PostgreSQL a generic plan knows the builder’s constants (only the call’s values are parameters)', async () => {
    const notNamed = compiledQuery((db, p: { id: string }) => db.selectFrom('users').select(['id']).where('nickname', '!=', '没有这个人').where('id', '=', p.id));
    const { sql: text } = notNamed.compile(open.db, { id: 'u1' });
    await open.db.connection().execute(async (c) => {
      await sql.raw(`PREPARE generic_probe AS ${text}`).execute(c);
      await sql`SET plan_cache_mode = force_generic_plan`.execute(c);
      try {
        const plan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN EXECUTE generic_probe('u1')`.execute(c)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain("'没有这个人'");
        expect(plan).toMatch(/\$1/);
      } finally {
        await sql`RESET plan_cache_mode`.execute(c);
        await sql`DEALLOCATE generic_probe`.execute(c);
      }
    });
  });
});
