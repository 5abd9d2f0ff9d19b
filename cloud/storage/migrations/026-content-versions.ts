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
 * A row trigger: a statement that changes no row bumps nothing.
 *
 * On PostgreSQL the bump is deferred to the commit (a constraint trigger), so the counter's
 * row is locked only while the transaction commits: a write that bumped never holds it while
 * it waits for another lock (a group-commit batch's later requests, another host's batch), and
 * two batches cannot deadlock on it. TRUNCATE (no row triggers) bumps too.
 *
 * `articles_publish_time` finds the next scheduled article (when a kept page stops being
 * valid) in one index probe.
 */
const FEED_TABLES = ['articles', 'article_pledges', 'regions'];
const bump = `UPDATE content_versions SET version = version + 1 WHERE name = 'feed'`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('content_versions').values({ name: 'feed', version: 0 }).execute();
  await db.schema.createIndex('articles_publish_time').on('articles').columns(['status', 'publish_at']).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql.raw(`CREATE FUNCTION linli_bump_feed_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
  }
  for (const table of FEED_TABLES) {
    if (postgres) {
      await sql
        .raw(
          `CREATE CONSTRAINT TRIGGER ${table}_feed_change AFTER INSERT OR UPDATE OR DELETE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION linli_bump_feed_version()`,
        )
        .execute(db);
      await sql.raw(`CREATE TRIGGER ${table}_feed_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION linli_bump_feed_version()`).execute(db);
    } else {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        await sql.raw(`CREATE TRIGGER ${table}_feed_${event.toLowerCase()} AFTER ${event} ON ${table} FOR EACH ROW BEGIN ${bump}; END`).execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of FEED_TABLES) {
    const names = postgres ? [`${table}_feed_change`, `${table}_feed_truncate`] : ['insert', 'update', 'delete'].map((e) => `${table}_feed_${e}`);
    for (const name of names) await sql.raw(postgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
  }
  if (postgres) await sql.raw('DROP FUNCTION linli_bump_feed_version()').execute(db);
  await db.schema.dropIndex('articles_publish_time').execute();
  await db.schema.dropTable('content_versions').execute();
}
