import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Finding a person to appoint (users.search): the last four digits of their phone (the part
 * a masked number shows anyway, so an admin can type what the resident reads out), and the
 * staff-invite code a person shows in 我的 so an admin can add them by typing or scanning it.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone_tail', 'text').execute();
  await db.schema.alterTable('users').addColumn('invite_code', 'text').execute();
  await db.schema.createIndex('users_invite_code').unique().on('users').column('invite_code').execute();
  await db.schema.createIndex('users_community_tail').on('users').columns(['home_community_id', 'phone_tail']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('users_community_tail').execute();
  await db.schema.dropIndex('users_invite_code').execute();
  await db.schema.alterTable('users').dropColumn('invite_code').execute();
  await db.schema.alterTable('users').dropColumn('phone_tail').execute();
}
