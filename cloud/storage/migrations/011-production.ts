import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Several hosts on one database:
 * - an outbox message taken for sending carries a lease; when the host that took it dies,
 *   the lease runs out and another host takes it again (cloud/notifications/worker.ts);
 * - rate-limit counters live in the database so every host counts the same budget;
 * - scheduled jobs note the tick they ran for, so one host runs each tick;
 * - a stored file may carry the name it downloads under (Excel exports).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.createIndex('outbox_sending_lease').on('outbox').columns(['status', 'lease_until']).execute();
  await db.schema.alterTable('files').addColumn('download_name', 'text').execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    // Milliseconds since the epoch when the window ends.
    .addColumn('reset_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_reset').on('rate_limits').column('reset_at').execute();
  // The last tick each scheduled job ran for: one runner per job per tick, whichever host.
  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('tick', 'bigint', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('ran_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.alterTable('files').dropColumn('download_name').execute();
  await db.schema.dropIndex('outbox_sending_lease').execute();
  await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
  await db.schema.alterTable('outbox').dropColumn('lease_until').execute();
}
