import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // 党群服务中心: one or more per community.
  await db.schema
    .createTable('service_centers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'integer')
    .addColumn('phone', 'text')
    .addColumn('opened_on', 'text')
    .execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('service_centers.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('window_size', 'integer', (c) => c.notNull())
    .addColumn('days_ahead', 'integer', (c) => c.notNull())
    .addColumn('min_notice_minutes', 'integer', (c) => c.notNull())
    .addColumn('cancel_cutoff_minutes', 'integer', (c) => c.notNull())
    .addColumn('weekly_quota', 'integer', (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('resources_center').on('resources').column('center_id').execute();

  await db.schema
    .createTable('closed_dates')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('closed_dates_pk', ['resource_id', 'date'])
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('slot_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('party_size', 'integer', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('missing_materials', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookings_user').on('bookings').columns(['user_id', 'slot_start']).execute();
  await db.schema.createIndex('bookings_resource').on('bookings').columns(['resource_id', 'slot_start']).execute();

  // A slot's places, one row each: the primary key is what makes a double booking
  // impossible. A room slot has one place (seat 0); a hall window has windowSize places.
  await db.schema
    .createTable('slot_holds')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('seat', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().unique().references('bookings.id'))
    .addPrimaryKeyConstraint('slot_holds_pk', ['resource_id', 'slot_start', 'seat'])
    .execute();

  await db.schema
    .createTable('booking_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('booking_steps_booking').on('booking_steps').columns(['booking_id', 'seq']).execute();

  await db.schema
    .createTable('booking_suspensions')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['booking_suspensions', 'booking_steps', 'slot_holds', 'bookings', 'closed_dates', 'resources', 'service_centers']) {
    await db.schema.dropTable(t).execute();
  }
}
