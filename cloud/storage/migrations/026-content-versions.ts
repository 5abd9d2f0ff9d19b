import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `content_versions` counts the changes to what a kept reply shows: a host keeps the feed's
 * first pages (cloud/core/reply-cache.ts) and checks this one number (a primary-key read)
 * at every request instead of running the feed's query.
 *
 * Triggers bump it, not the code that changes those rows, so no path (a function, a job, a
 * LeanCloud import, an operator's SQL) can change the feed without every host seeing it at
 * the next request, as `users.auth_version` does for access (migration 019). `feed`: an
 * article (any column), a pledge (the count a campaign shows) or a region (the scope's name).
 */
const FEED_TABLES = ['articles', 'article_pledges', 'regions'];
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'];
const bump = `UPDATE content_versions SET version = version + 1 WHERE name = 'feed'`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('content_versions').values({ name: 'feed', version: 0 }).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql.raw(`CREATE FUNCTION linli_bump_feed_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
  }
  for (const table of FEED_TABLES) {
    for (const event of EVENTS) {
      const name = `${table}_feed_${event.toLowerCase()}`;
      // PostgreSQL bumps once a statement (an import of a thousand articles is one bump);
      // SQLite has row triggers only, each an update of one row in the same transaction.
      const trigger = postgres
        ? `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION linli_bump_feed_version()`
        : `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW BEGIN ${bump}; END`;
      await sql.raw(trigger).execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of FEED_TABLES) {
    for (const event of EVENTS) {
      const name = `${table}_feed_${event.toLowerCase()}`;
      await sql.raw(postgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
    }
  }
  if (postgres) await sql.raw('DROP FUNCTION linli_bump_feed_version()').execute(db);
  await db.schema.dropTable('content_versions').execute();
}
