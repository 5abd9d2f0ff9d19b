import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `content_versions` counts the changes to what a kept reply shows: a host keeps the first
 * pages of the public lists (cloud/core/reply-cache.ts) and checks one number (a primary-key
 * read) at every request instead of running the list's query.
 *
 * Triggers bump it, not the code that changes those rows, so no path (a function, a job, a
 * LeanCloud import, an operator's SQL) can change a list without every host seeing it at the
 * next request, as `users.auth_version` does for access (migration 019):
 * - `feed` (articles.list): an article (any column), a pledge (the count a campaign shows), a
 *   region (the scope's name);
 * - `events` (events.list): an event (any column: seats, state, times), a registration (the
 *   waitlist's length), a region.
 * Row triggers: a statement that changes no row bumps nothing.
 *
 * On PostgreSQL the bump is deferred to the commit (a constraint trigger) and made once a
 * transaction, so the counter's row is locked only while the transaction commits: a write never
 * holds it while it waits for another lock (a group-commit batch's later requests, another
 * host's batch), and two batches cannot deadlock on it. TRUNCATE (no row triggers) bumps too.
 * SQLite has one writer: each changed row bumps, in its statement.
 *
 * `articles_publish_time` finds the next scheduled article (when a kept feed page stops being
 * valid) in one index probe.
 */
const WATCHED: Record<string, string[]> = {
  feed: ['articles', 'article_pledges', 'regions'],
  events: ['events', 'event_registrations', 'regions'],
};
const bump = (name: string) => `UPDATE content_versions SET version = version + 1 WHERE name = '${name}'`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('content_versions').values(Object.keys(WATCHED).map((name) => ({ name, version: 0 }))).execute();
  await db.schema.createIndex('articles_publish_time').on('articles').columns(['status', 'publish_at']).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, tables] of Object.entries(WATCHED)) {
    if (postgres) {
      // The flag lives until the transaction ends (and is undone with a rolled-back savepoint).
      await sql
        .raw(
          `CREATE FUNCTION linli_bump_${name}_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF current_setting('linli.bumped_${name}', true) IS DISTINCT FROM 'yes' THEN
               ${bump(name)};
               PERFORM set_config('linli.bumped_${name}', 'yes', true);
             END IF;
             RETURN NULL;
           END $$`,
        )
        .execute(db);
    }
    for (const table of tables) {
      if (postgres) {
        await sql
          .raw(
            `CREATE CONSTRAINT TRIGGER ${table}_${name}_change AFTER INSERT OR UPDATE OR DELETE ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION linli_bump_${name}_version()`,
          )
          .execute(db);
        await sql.raw(`CREATE TRIGGER ${table}_${name}_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION linli_bump_${name}_version()`).execute(db);
      } else {
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          await sql.raw(`CREATE TRIGGER ${table}_${name}_${event.toLowerCase()} AFTER ${event} ON ${table} FOR EACH ROW BEGIN ${bump(name)}; END`).execute(db);
        }
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, tables] of Object.entries(WATCHED)) {
    for (const table of tables) {
      const triggers = postgres ? [`${table}_${name}_change`, `${table}_${name}_truncate`] : ['insert', 'update', 'delete'].map((e) => `${table}_${name}_${e}`);
      for (const trigger of triggers) await sql.raw(postgres ? `DROP TRIGGER ${trigger} ON ${table}` : `DROP TRIGGER ${trigger}`).execute(db);
    }
    if (postgres) await sql.raw(`DROP FUNCTION linli_bump_${name}_version()`).execute(db);
  }
  await db.schema.dropIndex('articles_publish_time').execute();
  await db.schema.dropTable('content_versions').execute();
}
