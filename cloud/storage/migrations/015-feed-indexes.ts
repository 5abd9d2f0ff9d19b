import { type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Indexes the lists page through by range scans (keyset cursors compare row values in the
 * index's order), with the columns they filter on carried in the index so a page reads no
 * table row it then throws away.
 */
export async function up(db: AnyDb): Promise<void> {
  // The community feed: one range per scope (a community, the district), pinned first, newest first.
  await db.schema
    .createIndex('articles_scope_feed')
    .on('articles')
    .columns(['scope_id', 'status', 'pinned', 'publish_at', 'id', 'category'])
    .execute();
  // The feed of every community: the same order without the scope.
  await db.schema.createIndex('articles_feed_all').on('articles').columns(['status', 'pinned', 'publish_at', 'id', 'category', 'scope_id']).execute();
  // Events by start, both directions, filtered on the index entries.
  await db.schema
    .createIndex('events_by_start')
    .on('events')
    .columns(['starts_at', 'id', 'state', 'scope_id', 'category', 'ends_at'])
    .execute();
  // A resident's sign-ups, with their status on the index entry.
  await db.schema.createIndex('event_registrations_mine').on('event_registrations').columns(['user_id', 'status', 'event_id']).execute();
  // A submitter's petitions, newest first.
  await db.schema.createIndex('petitions_mine').on('petitions').columns(['submitter_id', 'created_at', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of ['articles_scope_feed', 'articles_feed_all', 'events_by_start', 'event_registrations_mine', 'petitions_mine']) {
    await db.schema.dropIndex(name).execute();
  }
}
