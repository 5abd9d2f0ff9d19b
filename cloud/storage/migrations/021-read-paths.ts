import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * 我收到的感谢 (thanks.mine) pages a staff member's approved thanks newest first by the
 * keyset (created_at, id): one range of this index, on both databases, however many thanks
 * the wall holds (cloud/storage/explain.test.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('thanks_posts_target').on('thanks_posts').columns(['target_user_id', 'status', 'created_at', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('thanks_posts_target').execute();
}
