import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('signup_opens_at', 'text', (c) => c.notNull())
    .addColumn('signup_closes_at', 'text', (c) => c.notNull())
    .addColumn('cancel_cutoff_at', 'text', (c) => c.notNull())
    .addColumn('requires_signup', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('confirmed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlist_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('attendance', 'integer')
    .addColumn('residents_served', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // The seat count can never pass the capacity, whatever the code above it does.
    .addCheckConstraint('events_capacity', sql`capacity = 0 OR confirmed_count <= capacity`)
    .addCheckConstraint('events_confirmed_nonnegative', sql`confirmed_count >= 0`)
    .execute();
  await db.schema.createIndex('events_feed').on('events').columns(['state', 'starts_at']).execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waitlist_no', 'integer')
    .addColumn('checkin_code', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text', (c) => c.references('users.id'))
    .addColumn('shared_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_registrations_one_per_resident', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_registrations_queue').on('event_registrations').columns(['event_id', 'status', 'waitlist_no']).execute();
  await db.schema.createIndex('event_registrations_user').on('event_registrations').column('user_id').execute();

  // Messages to residents leave through here: written in the same transaction as the change
  // they announce, sent by the worker, never twice (dedupe_key is unique).
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('page', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'not_before']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['outbox', 'event_registrations', 'events']) await db.schema.dropTable(t).execute();
}
