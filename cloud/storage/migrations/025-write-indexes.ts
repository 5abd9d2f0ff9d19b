import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * `outbox_sending_lease (status, lease_until)` held every message, while only those being
 * sent are ever looked up by their lease (`claimDue`: a host died holding them). Every write
 * that queues messages (each sign-up three) paid an entry a message in it for nothing. Now it
 * holds the messages being sent alone; `claimDue` names the status as a literal so both
 * databases see that the index applies.
 *
 * `event_registrations_shared_by (shared_by, event_id)` likewise took an entry for every
 * sign-up, while only those through a share card have a sharer and are ever looked up by it
 * (`shared_by = ?` implies `shared_by IS NOT NULL` to both databases' planners; the EXPLAIN
 * suite checks the count of a worker's sign-ups still uses it).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('outbox_sending_lease').execute();
  await db.schema.createIndex('outbox_sending_lease').on('outbox').column('lease_until').where(sql.ref('status'), '=', sql.lit('sending')).execute();
  await db.schema.dropIndex('event_registrations_shared_by').execute();
  await db.schema.createIndex('event_registrations_shared_by').on('event_registrations').columns(['shared_by', 'event_id']).where(sql.ref('shared_by'), 'is not', null).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('event_registrations_shared_by').execute();
  await db.schema.createIndex('event_registrations_shared_by').on('event_registrations').columns(['shared_by', 'event_id']).execute();
  await db.schema.dropIndex('outbox_sending_lease').execute();
  await db.schema.createIndex('outbox_sending_lease').on('outbox').columns(['status', 'lease_until']).execute();
}
