import { sql } from 'kysely';
import { isPostgres, type Db } from '../storage/dialect';

/**
 * Test faults the database itself raises: every insert into the audit log fails, as it
 * would on a full disk or a lost connection after the write before it committed.
 * @returns a function that heals it again
 */
export async function breakAuditWrites(db: Db): Promise<() => Promise<void>> {
  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION linli_test_audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit storage down'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER linli_test_audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION linli_test_audit_down()`.execute(db);
    return async () => {
      await sql`DROP TRIGGER linli_test_audit_down ON audit_log`.execute(db);
    };
  }
  await sql`CREATE TRIGGER linli_test_audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit storage down'); END`.execute(db);
  return async () => {
    await sql`DROP TRIGGER linli_test_audit_down`.execute(db);
  };
}

/** As if a newer release had migrated this database: a migration this code does not know. */
export async function pretendNewerSchema(db: Db): Promise<() => Promise<void>> {
  await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(db);
  return async () => {
    await sql`DELETE FROM kysely_migration WHERE name = '999-from-the-future'`.execute(db);
  };
}

/**
 * PostgreSQL: waits (up to `ms`) until some backend (`atLeast` of them) waits for a lock, e.g. a
 * statement queued on a row another connection holds. True when they did; false after `ms`.
 */
export async function someoneWaitsForALock(db: Db, ms = 5_000, atLeast = 1): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`.execute(db);
    if (rows[0]!.n >= atLeast) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/** PostgreSQL: the row version (`xmin`) of a row found by its id, as a statement now sees it. */
export async function rowVersion(db: Db, table: 'users' | 'resources', id: string): Promise<string | undefined> {
  const { rows } = await sql<{ v: string }>`select xmin::text as v from ${sql.table(table)} where id = ${id}`.execute(db);
  return rows[0]?.v;
}
