import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `event_registrations_user (user_id)` is a prefix of `event_registrations_mine (user_id,
 * status, event_id)` (migration 015): every lookup by resident is served by the latter, and
 * each sign-up paid for one more index entry (a page of its own at commit) for nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('event_registrations_user').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute();
}
