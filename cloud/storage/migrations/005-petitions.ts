import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Uploaded photos: metadata stripped, stored on disk; attached to at most one record.
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('attached_kind', 'text')
    .addColumn('attached_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_attached').on('files').columns(['attached_kind', 'attached_id']).execute();

  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('submitter_id', 'text', (c) => c.references('users.id'))
    .addColumn('on_behalf_name', 'text')
    .addColumn('filed_by', 'text', (c) => c.references('users.id'))
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.references('users.id'))
    .addColumn('accept_due_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('resolve_due_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('transferred_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('petitions_community').on('petitions').columns(['community_id', 'status']).execute();
  await db.schema.createIndex('petitions_submitter').on('petitions').column('submitter_id').execute();
  await db.schema.createIndex('petitions_phone').on('petitions').column('phone_index').execute();

  await db.schema
    .createTable('petition_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('petition_id', 'text', (c) => c.notNull().references('petitions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('petition_events_order', ['petition_id', 'seq'])
    .execute();

  await db.schema
    .createTable('duty_roster')
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('weekday', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('duty_roster_pk', ['community_id', 'weekday'])
    .execute();

  // Who did or saw what: every view of a full ID or phone number, and (later) every admin
  // write and export. Kept at least six months.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('scope_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['audit_log', 'duty_roster', 'petition_events', 'petitions', 'files']) await db.schema.dropTable(t).execute();
}
