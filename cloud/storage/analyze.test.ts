import { sql } from 'kysely';
import { isPostgres, openDatabase, type OpenDatabase } from './dialect';
import { analyze, migrateToLatest } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The planner's statistics as `analyze` leaves them (migrations and the schedule run it). */
let database: TestDatabase;
let open: OpenDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  open = openDatabase(database.url, { groupCommit: false });
  await migrateToLatest(open.db);
  const at = '2026-11-30T00:00:00.000Z';
  for (let i = 0; i < 300; i++) {
    await sql`INSERT INTO users (id, nickname, created_at, updated_at) VALUES (${`u${i}`}, ${`居民${i}`}, ${at}, ${at})`.execute(open.db);
  }
  await analyze(open.db);
});
afterAll(async () => {
  await open.close();
  await database.drop();
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
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat4'`.execute(open.db);
    expect(rows[0]!.n).toBe(0);
    // A second run (the next migration) drops them again.
    await analyze(open.db);
    const again = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat4'`.execute(open.db);
    expect(again.rows[0]!.n).toBe(0);
  });
});
