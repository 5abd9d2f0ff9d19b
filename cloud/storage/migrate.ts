import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { isPostgres, type Db } from './dialect';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-articles';
import * as m003 from './migrations/003-events';
import * as m004 from './migrations/004-bookings';
import * as m005 from './migrations/005-petitions';
import * as m006 from './migrations/006-honors';
import * as m007 from './migrations/007-share-visit-once';
import * as m008 from './migrations/008-subscriptions';
import * as m009 from './migrations/009-security';
import * as m010 from './migrations/010-grid-work';
import * as m011 from './migrations/011-production';
import * as m012 from './migrations/012-leancloud-import';
import * as m013 from './migrations/013-people-search';
import * as m015 from './migrations/015-feed-indexes';
import * as m016 from './migrations/016-stories';
import * as m017 from './migrations/017-outbox-paid';
import * as m019 from './migrations/019-auth-version';
import * as m021 from './migrations/021-read-paths';
import * as m023 from './migrations/023-write-paths';
import * as m025 from './migrations/025-write-indexes';
import * as m026 from './migrations/026-content-versions';

/** Every migration in order. A new one is a new file in migrations/ and a line here. */
const MIGRATIONS: Record<string, Migration> = {
  '001-foundation': m001,
  '002-articles': m002,
  '003-events': m003,
  '004-bookings': m004,
  '005-petitions': m005,
  '006-honors': m006,
  '007-share-visit-once': m007,
  '008-subscriptions': m008,
  '009-security': m009,
  '010-grid-work': m010,
  '011-production': m011,
  '012-leancloud-import': m012,
  '013-people-search': m013,
  '015-feed-indexes': m015,
  '016-stories': m016,
  '017-outbox-paid': m017,
  '019-auth-version': m019,
  '021-read-paths': m021,
  '023-write-paths': m023,
  '025-write-indexes': m025,
  '026-content-versions': m026,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date: `npm run migrate`, or every start of the embedded host. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Areas number their migrations apart (011, 012, 016…) and land in any order: a database that
  // already ran a later number still takes an earlier one that arrived after it.
  const { error, results } = await withTemporaryFiles(db, () => new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  // New indexes and tables are planned from statistics: without them PostgreSQL guesses
  // and may scan a 100k-row feed for a page of ten.
  if (results?.some((r) => r.status === 'Success')) await analyze(db);
}

/**
 * Runs `work` with SQLite's temporary storage in files, then puts the setting back. The host
 * keeps it in memory (`temp_store=MEMORY`, cloud/storage/dialect.ts) for its savepoint and
 * statement journals, but with it a sort has nowhere to spill: an index built over a whole
 * table (a migration's CREATE INDEX) would hold the whole index in memory while it sorts. In
 * files the sort spills past SQLite's page cache as it did before. PostgreSQL: `work` alone.
 */
export async function withTemporaryFiles<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  const { rows } = await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(db);
  const before = rows[0]!.temp_store;
  await sql`PRAGMA temp_store = FILE`.execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`PRAGMA temp_store = ${Number(before)}`).execute(db);
  }
}

/**
 * Refreshes the planner's statistics. PostgreSQL's autovacuum does it too, but only after
 * enough rows changed; the host also runs it on a schedule (see start.ts).
 *
 * SQLite keeps the row counts (`sqlite_stat1`) and drops the per-value samples
 * (`sqlite_stat4`): better-sqlite3 is built with STAT4, and with samples present SQLite
 * re-plans a prepared statement whenever a value bound against an indexed column changes,
 * which better-sqlite3 does at every call: a primary-key read cost 4–5 times as much
 * (docs/benchmarks.md, "Round 6"). Our lists are planned from their indexes, which the
 * row counts are enough to choose (cloud/storage/explain.test.ts checks the plans).
 */
export async function analyze(db: Db): Promise<void> {
  await sql`ANALYZE`.execute(db);
  if (isPostgres(db)) return;
  await sql`DROP TABLE IF EXISTS sqlite_stat4`.execute(db);
  // ANALYZE left its samples in this connection's memory: reloaded from the tables now,
  // before anything is prepared again (the DROP expired every statement prepared before).
  await sql`ANALYZE sqlite_schema`.execute(db);
}

export interface SchemaState {
  /** Migrations this code knows that the database has not run. */
  pending: string[];
  /** Migrations the database has run that this code does not know: a newer release wrote it. */
  unknown: string[];
}

/** How the database's schema stands to this code's migrations. */
export async function schemaState(db: Db): Promise<SchemaState> {
  const applied = new Set((await new Migrator({ db, provider, allowUnorderedMigrations: true }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name));
  const known = Object.keys(MIGRATIONS);
  const unknown = await appliedNames(db);
  return {
    pending: known.filter((name) => !applied.has(name)),
    unknown: unknown.filter((name) => !(name in MIGRATIONS)),
  };
}

async function appliedNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const rows = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
  return rows.map((r) => r.name);
}

/**
 * A host in production runs on the schema its code was written for, neither older (run
 * `npm run migrate` first) nor newer (a later release migrated; this code would misread it).
 */
export async function assertSchemaCurrent(db: Db): Promise<void> {
  const { pending, unknown } = await schemaState(db);
  if (unknown.length) throw new Error(`数据库结构比本程序新（未知的迁移：${unknown.join(', ')}），请部署对应版本的程序`);
  if (pending.length) throw new Error(`数据库结构比本程序旧（未执行的迁移：${pending.join(', ')}），请先运行 npm run migrate`);
}
