import { Migrator, sql } from 'kysely';
import { openDatabase, type OpenDatabase } from './dialect';
import { migrateToLatest, withTemporaryFiles } from './migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * SQLite's temporary storage while the schema changes: the host keeps it in memory
 * (dialect.ts), where a CREATE INDEX would sort its whole table; migrations put it in files.
 */
let database: TestDatabase;
let open: OpenDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  open = openDatabase(database.url);
});
afterAll(async () => {
  await open.close();
  await database.drop();
});
afterEach(() => {
  jest.restoreAllMocks();
});

const tempStore = async () => (await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(open.db)).rows[0]!.temp_store;
const sqliteOnly = process.env.LINLI_TEST_PG_URL ? it.skip : it;
const FILE = 1;
const MEMORY = 2;

describe('migrations and temporary storage', () => {
  sqliteOnly('run every migration with temporary files, and give the host its memory back after', async () => {
    const seen: number[] = [];
    const migrate = Migrator.prototype.migrateToLatest;
    jest.spyOn(Migrator.prototype, 'migrateToLatest').mockImplementation(async function (this: Migrator) {
      seen.push(await tempStore());
      return migrate.call(this);
    });
    expect(await tempStore()).toBe(MEMORY);
    await migrateToLatest(open.db);
    expect(seen).toEqual([FILE]);
    expect(await tempStore()).toBe(MEMORY);
    const tables = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'users'`.execute(open.db);
    expect(tables.rows[0]!.n).toBe(1);
  });

  sqliteOnly('put the setting back when a migration fails', async () => {
    await expect(
      withTemporaryFiles(open.db, async () => {
        expect(await tempStore()).toBe(FILE);
        throw new Error('migration 999 failed');
      }),
    ).rejects.toThrow('migration 999 failed');
    expect(await tempStore()).toBe(MEMORY);
  });

  it('answers what its work answered, on either database', async () => {
    expect(await withTemporaryFiles(open.db, async () => 'done')).toBe('done');
  });
});
