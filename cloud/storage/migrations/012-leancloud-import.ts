import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Moving from LeanCloud: a resident keeps their account across mini-programs of the same
 * WeChat open platform through the unionid (matched before the openid when WeChat gives
 * one), and every LeanCloud file copied in is remembered, so a second run of the importer
 * neither downloads nor stores it again.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('unionid', 'text').execute();
  await db.schema.createIndex('users_unionid').unique().on('users').column('unionid').execute();

  await db.schema
    .createTable('leancloud_files')
    .addColumn('object_id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('leancloud_files').execute();
  await db.schema.dropIndex('users_unionid').execute();
  await db.schema.alterTable('users').dropColumn('unionid').execute();
}
