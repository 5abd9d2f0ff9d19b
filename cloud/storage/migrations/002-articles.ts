import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cover_url', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('reporters', 'text', (c) => c.notNull())
    .addColumn('correspondents', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pledge_prompt', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_feed').on('articles').columns(['status', 'pinned', 'publish_at', 'id']).execute();
  await db.schema.createIndex('articles_scope').on('articles').column('scope_id').execute();

  // One pledge per resident per campaign: the primary key makes a second one impossible.
  await db.schema
    .createTable('article_pledges')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_pledges_pk', ['article_id', 'user_id'])
    .execute();

  // Who opened what from whose share card: a grid worker's reach (网格员分享的效果).
  await db.schema
    .createTable('share_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('sharer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('visitor_id', 'text', (c) => c.references('users.id'))
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_visits_sharer').on('share_visits').columns(['sharer_id', 'target_kind', 'target_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['share_visits', 'article_pledges', 'articles']) await db.schema.dropTable(t).execute();
}
