import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Issue 12 (security):
 * - login_attempts: password tries counted per (account name, client address) before the
 *   password is checked, so concurrent guesses each cost one try, and a stranger's guesses
 *   lock only the stranger's address out (cloud/auth/lockout.ts).
 * - thanks_reports.trusted: whether the report came from an account with a history; only
 *   those count toward hiding a post (cloud/honors/report-thanks.ts).
 * - share_visits.visitor_key: who a visit counts for — a signed-in visitor, or an anonymous
 *   device within a few slots per client address — under one unique index, so reloading a
 *   card, or calling the function in a loop, counts once (cloud/shares/record-visit.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempts_pk', ['account', 'client'])
    .execute();

  await db.schema.alterTable('share_visits').addColumn('visitor_key', 'text').execute();
  await sql`UPDATE share_visits SET visitor_key = CASE WHEN visitor_id IS NOT NULL THEN 'user:' || visitor_id ELSE 'legacy:' || id END`.execute(db);
  await db.schema
    .createIndex('share_visits_once_per_key')
    .unique()
    .on('share_visits')
    .columns(['target_kind', 'target_id', 'sharer_id', 'visitor_key'])
    .execute();

  // Reports from accounts with no history still reach staff, but do not hide (honors.storage.ts).
  await db.schema.alterTable('thanks_reports').addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('thanks_reports').dropColumn('trusted').execute();
  await db.schema.dropIndex('share_visits_once_per_key').execute();
  await db.schema.alterTable('share_visits').dropColumn('visitor_key').execute();
  await db.schema.dropTable('login_attempts').execute();
}
