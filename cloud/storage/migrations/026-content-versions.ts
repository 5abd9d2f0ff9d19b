import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `content_versions` counts the changes to what a kept reply shows: a host keeps the first
 * pages of the public lists (cloud/core/reply-cache.ts) and checks one number a request (the
 * sum of its column over the shards, 16 rows) instead of running the list's query.
 *
 * Triggers bump it, not the code that changes those rows, so no path (a function, a job, a
 * LeanCloud import, an operator's SQL) can change a list without every host seeing it at the
 * next request, as `users.auth_version` does for access (migration 019). Only changes a list
 * shows bump (a check-in, a volunteer place, an article's body do not):
 * - `feed` (articles.list): an article's listed columns, a pledge (the count a campaign shows),
 *   a region's name or place;
 * - `events` (events.list): an event's listed columns (seats, state, times), a registration
 *   that is or was waitlisted (the waitlist's length; a seat changes the event's count), a region.
 *
 * PostgreSQL commits writes side by side, and one counter row would make them wait for each
 * other's commit: the versions are SHARDS rows (a column a name), a version is the sum of its
 * column, and a transaction bumps the row of its connection's shard, at its commit (a
 * constraint trigger), once a name. One row a transaction, so no two wait for each other's
 * counters in opposite orders (two connections of one shard do wait, at commit, for each
 * other). TRUNCATE fires no row trigger and a statement trigger would hold its shard's row from
 * the TRUNCATE to the commit (a resident's write on that shard could be the deadlock's victim):
 * clear these tables with DELETE; a TRUNCATE is seen when the kept tops expire (60 s). SQLite
 * has one writer: every changed row bumps shard 0, in its statement.
 *
 * `articles_publish_time` finds the next scheduled article (when a kept feed page stops being
 * valid) in one index probe.
 */
const SHARDS = 16;

interface Watch {
  table: string;
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  /** UPDATE: only when one of these is set. */
  columns?: string[];
  when?: string;
}

const REGION_CHANGES: Watch[] = [
  { table: 'regions', event: 'INSERT' },
  { table: 'regions', event: 'UPDATE', columns: ['id', 'name', 'level', 'parent_id'] },
  { table: 'regions', event: 'DELETE' },
];

const WATCHED: Record<'feed' | 'events', Watch[]> = {
  feed: [
    { table: 'articles', event: 'INSERT' },
    { table: 'articles', event: 'UPDATE', columns: ['id', 'title', 'summary', 'cover_url', 'category', 'scope_id', 'pinned', 'status', 'publish_at', 'pledge_prompt'] },
    { table: 'articles', event: 'DELETE' },
    { table: 'article_pledges', event: 'INSERT' },
    { table: 'article_pledges', event: 'UPDATE', columns: ['article_id'] },
    { table: 'article_pledges', event: 'DELETE' },
    ...REGION_CHANGES,
  ],
  events: [
    { table: 'events', event: 'INSERT' },
    {
      table: 'events',
      event: 'UPDATE',
      columns: ['id', 'title', 'category', 'scope_id', 'venue', 'starts_at', 'ends_at', 'signup_opens_at', 'signup_closes_at', 'capacity', 'confirmed_count', 'requires_signup', 'state'],
    },
    { table: 'events', event: 'DELETE' },
    { table: 'event_registrations', event: 'INSERT', when: "NEW.status = 'waitlisted'" },
    { table: 'event_registrations', event: 'UPDATE', columns: ['event_id', 'status'], when: "OLD.status = 'waitlisted' OR NEW.status = 'waitlisted'" },
    { table: 'event_registrations', event: 'DELETE', when: "OLD.status = 'waitlisted'" },
    ...REGION_CHANGES,
  ],
};

const triggerName = (name: string, w: Watch) => `${w.table}_${name}_${w.event.toLowerCase()}`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('content_versions')
    .addColumn('shard', 'integer', (c) => c.primaryKey())
    .addColumn('feed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('events', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('content_versions')
    .values(Array.from({ length: SHARDS }, (_, shard) => ({ shard })))
    .execute();
  await db.schema.createIndex('articles_publish_time').on('articles').columns(['status', 'publish_at']).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    for (const name of Object.keys(WATCHED)) {
      // The flag lives until the transaction ends (and is undone with a rolled-back savepoint).
      await sql
        .raw(
          `CREATE FUNCTION linli_bump_${name}_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
             IF current_setting('linli.bumped_${name}', true) IS DISTINCT FROM 'yes' THEN
               UPDATE content_versions SET ${name} = ${name} + 1 WHERE shard = pg_backend_pid() % ${SHARDS};
               PERFORM set_config('linli.bumped_${name}', 'yes', true);
             END IF;
             RETURN NULL;
           END $$`,
        )
        .execute(db);
    }
  }
  for (const [name, watches] of Object.entries(WATCHED)) {
    for (const w of watches) {
      const event = w.columns ? `${w.event} OF ${w.columns.join(', ')}` : w.event;
      const trigger = postgres
        ? `CREATE CONSTRAINT TRIGGER ${triggerName(name, w)} AFTER ${event} ON ${w.table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW ${w.when ? `WHEN (${w.when})` : ''} EXECUTE FUNCTION linli_bump_${name}_version()`
        : `CREATE TRIGGER ${triggerName(name, w)} AFTER ${event} ON ${w.table} FOR EACH ROW ${w.when ? `WHEN ${w.when}` : ''} BEGIN UPDATE content_versions SET ${name} = ${name} + 1 WHERE shard = 0; END`;
      await sql.raw(trigger).execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, watches] of Object.entries(WATCHED)) {
    const triggers = watches.map((w) => [triggerName(name, w), w.table] as const);
    for (const [trigger, table] of triggers) await sql.raw(postgres ? `DROP TRIGGER ${trigger} ON ${table}` : `DROP TRIGGER ${trigger}`).execute(db);
    if (postgres) await sql.raw(`DROP FUNCTION linli_bump_${name}_version()`).execute(db);
  }
  await db.schema.dropIndex('articles_publish_time').execute();
  await db.schema.dropTable('content_versions').execute();
}
