import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `content_versions` counts the changes to what a kept reply shows: a host keeps the first
 * pages of the public lists (cloud/core/reply-cache.ts) and checks one number a request (the
 * sum of a name's rows, one index range) instead of running the list's query.
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
 * other's commit: each name has SHARDS rows, a transaction bumps the rows of one shard (its
 * connection's), at its commit (a constraint trigger), once. At its first bump it locks its
 * shard's rows of every name in name order, so two transactions never wait for each other's
 * counters in opposite orders. TRUNCATE (no row triggers) bumps too. SQLite has one writer:
 * every changed row bumps shard 0, in its statement.
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
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('content_versions_pk', ['name', 'shard'])
    .execute();
  await db
    .insertInto('content_versions')
    .values(Object.keys(WATCHED).flatMap((name) => Array.from({ length: SHARDS }, (_, shard) => ({ name, shard, version: 0 }))))
    .execute();
  await db.schema.createIndex('articles_publish_time').on('articles').columns(['status', 'publish_at']).execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    // The flags live until the transaction ends (and are undone with a rolled-back savepoint).
    await sql
      .raw(
        `CREATE FUNCTION linli_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
         DECLARE
           my_shard integer := pg_backend_pid() % ${SHARDS};
         BEGIN
           IF current_setting('linli.versions_locked', true) IS DISTINCT FROM 'yes' THEN
             PERFORM 1 FROM content_versions AS v WHERE v.shard = my_shard ORDER BY v.name FOR UPDATE;
             PERFORM set_config('linli.versions_locked', 'yes', true);
           END IF;
           IF current_setting('linli.bumped_' || TG_ARGV[0], true) IS DISTINCT FROM 'yes' THEN
             UPDATE content_versions AS v SET version = v.version + 1 WHERE v.name = TG_ARGV[0] AND v.shard = my_shard;
             PERFORM set_config('linli.bumped_' || TG_ARGV[0], 'yes', true);
           END IF;
           RETURN NULL;
         END $$`,
      )
      .execute(db);
  }
  for (const [name, watches] of Object.entries(WATCHED)) {
    for (const w of watches) {
      const event = w.columns ? `${w.event} OF ${w.columns.join(', ')}` : w.event;
      const trigger = postgres
        ? `CREATE CONSTRAINT TRIGGER ${triggerName(name, w)} AFTER ${event} ON ${w.table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW ${w.when ? `WHEN (${w.when})` : ''} EXECUTE FUNCTION linli_bump_content_version('${name}')`
        : `CREATE TRIGGER ${triggerName(name, w)} AFTER ${event} ON ${w.table} FOR EACH ROW ${w.when ? `WHEN ${w.when}` : ''} BEGIN UPDATE content_versions SET version = version + 1 WHERE name = '${name}' AND shard = 0; END`;
      await sql.raw(trigger).execute(db);
    }
    if (postgres) {
      for (const table of new Set(watches.map((w) => w.table))) {
        await sql.raw(`CREATE TRIGGER ${table}_${name}_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION linli_bump_content_version('${name}')`).execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [name, watches] of Object.entries(WATCHED)) {
    const triggers = watches.map((w) => [triggerName(name, w), w.table]);
    if (postgres) for (const table of new Set(watches.map((w) => w.table))) triggers.push([`${table}_${name}_truncate`, table]);
    for (const [trigger, table] of triggers) await sql.raw(postgres ? `DROP TRIGGER ${trigger} ON ${table}` : `DROP TRIGGER ${trigger}`).execute(db);
  }
  if (postgres) await sql.raw('DROP FUNCTION linli_bump_content_version()').execute(db);
  await db.schema.dropIndex('articles_publish_time').execute();
  await db.schema.dropTable('content_versions').execute();
}
