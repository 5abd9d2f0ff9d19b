import { sql } from 'kysely';
import { isPostgres, openDatabase, type OpenDatabase } from './dialect';
import { analyze } from './migrate';
import { migratedTestDatabase, type TestDatabase } from './test-database';

/** The planner's statistics as `analyze` leaves them (migrations and the schedule run it). */
let database: TestDatabase;
let open: OpenDatabase;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, open, close } = await migratedTestDatabase());
  const at = '2026-11-30T00:00:00.000Z';
  for (let i = 0; i < 300; i++) {
    await sql`INSERT INTO users (id, nickname, created_at, updated_at) VALUES (${`u${i}`}, ${`居民${i}`}, ${at}, ${at})`.execute(open.db);
  }
  await analyze(open.db);
});
afterAll(async () => {
  await close();
});

describe('analyze', () => {
  it('gives the planner row counts for every table it reads by index', async () => {
    if (isPostgres(open.db)) {
      const { rows } = await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'users'`.execute(open.db);
      expect(rows[0]!.n).toBe(300);
    } else {
      const { rows } = await sql<{ stat: string }>`SELECT stat FROM sqlite_stat1 WHERE tbl = 'users' AND idx = 'sqlite_autoindex_users_1'`.execute(open.db);
      expect(rows[0]!.stat.split(' ')[0]).toBe('300');
    }
  });

  (process.env.LINLI_TEST_PG_URL ? it.skip : it)('leaves SQLite no per-value samples, which would re-plan every prepared statement at each call', async () => {
    const samples = async () => {
      const table = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat4'`.execute(open.db);
      return table.rows[0]!.n ? (await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_stat4`.execute(open.db)).rows[0]!.n : 0;
    };
    expect(await samples()).toBe(0);
    // A second run (the next migration) drops them again.
    await analyze(open.db);
    expect(await samples()).toBe(0);
  });

  (process.env.LINLI_TEST_PG_URL ? it.skip : it)('leaves no samples in the memory of the connection that ran it either (its plans are a fresh connection’s)', async () => {
    // Skewed on purpose: samples would pick the other index for the same query.
    await sql`CREATE TABLE stat_probe (id integer primary key, a integer, b integer)`.execute(open.db);
    await sql`CREATE INDEX stat_probe_a ON stat_probe (a)`.execute(open.db);
    await sql`CREATE INDEX stat_probe_b ON stat_probe (b)`.execute(open.db);
    await sql`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
      INSERT INTO stat_probe (a, b) SELECT CASE WHEN i < 9900 THEN 0 ELSE 1 + i % 100 END, i % 50 FROM n`.execute(open.db);
    await analyze(open.db);
    const plan = async (handle: OpenDatabase) =>
      (await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM stat_probe WHERE a = 0 AND b = 5`.execute(handle.db)).rows.map((r) => r.detail).join('; ');
    const fresh = openDatabase(database.url, { groupCommit: false });
    try {
      expect(await plan(open)).toBe(await plan(fresh));
    } finally {
      await fresh.close();
    }
  });
});
