import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The grid workers' workbench (网格员工作台): which workers serve which grid, the grid's
 * households and visits (大走访), which WeChat group a share card reached, the live
 * (动态消息) activity ids of shared events, on-the-spot reports (随手拍) and feedback
 * about the app (投诉建议).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('grid_assignments')
    .addColumn('grid_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grid_assignments_pk', ['grid_id', 'user_id'])
    .execute();
  await db.schema.createIndex('grid_assignments_user').on('grid_assignments').column('user_id').execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('head_name_enc', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // An address is typed once per grid: importing the list again updates, never doubles.
  await db.schema.createIndex('households_address').unique().on('households').columns(['grid_id', 'address']).execute();

  await db.schema
    .createTable('grid_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grid_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('worker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('raised', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('petition_id', 'text', (c) => c.unique().references('petitions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grid_visits_grid').on('grid_visits').columns(['grid_id', 'visited_on']).execute();

  await db.schema
    .createTable('group_opens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sharer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('opengid', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('new_resident', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .execute();
  // A resident counts once per (sharer, card, group), however often they reopen it.
  await db.schema
    .createIndex('group_opens_once')
    .unique()
    .on('group_opens')
    .columns(['sharer_id', 'target_kind', 'target_id', 'opengid', 'visitor_id'])
    .execute();

  await db.schema
    .createTable('group_labels')
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('opengid', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_labels_pk', ['owner_id', 'opengid'])
    .execute();

  await db.schema
    .createTable('live_cards')
    .addColumn('activity_id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('sharer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    /** active | final | expired */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_state', 'integer')
    .addColumn('sent_count', 'integer')
    .addColumn('sent_limit', 'integer')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_cards_event').on('live_cards').columns(['event_id', 'status']).execute();

  await db.schema
    .createTable('grid_reports')
    .addColumn('petition_id', 'text', (c) => c.primaryKey().references('petitions.id'))
    .addColumn('grid_id', 'text', (c) => c.references('regions.id'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('grid_reports_recent').on('grid_reports').columns(['community_id', 'created_at']).execute();

  await db.schema
    .createTable('app_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['app_feedback', 'grid_reports', 'live_cards', 'group_labels', 'group_opens', 'grid_visits', 'households', 'grid_assignments']) {
    await db.schema.dropTable(t).execute();
  }
}
