import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('honor_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('honor_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('list_id', 'text', (c) => c.notNull().references('honor_lists.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('photo_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('story_html', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('honor_entries_list').on('honor_entries').columns(['list_id', 'category', 'sort']).execute();

  // One like per resident per entry: the key makes concurrent taps count once.
  await db.schema
    .createTable('honor_likes')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('honor_entries.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('honor_likes_pk', ['entry_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nominator_id', 'text', (c) => c.references('users.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('nominee_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('entry_id', 'text', (c) => c.references('honor_entries.id'))
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nominations_community').on('nominations').columns(['community_id', 'status']).execute();

  await db.schema
    .createTable('thanks_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('community_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('thanks_posts_wall').on('thanks_posts').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('thanks_reports')
    .addColumn('post_id', 'text', (c) => c.notNull().references('thanks_posts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('thanks_reports_pk', ['post_id', 'user_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['thanks_reports', 'thanks_posts', 'nominations', 'honor_likes', 'honor_entries', 'honor_lists']) await db.schema.dropTable(t).execute();
}
