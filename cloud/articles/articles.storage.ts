import { sql } from 'kysely';
import { attachFiles, detachFile } from '../files/files.storage';
import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import type { Db } from '../storage/dialect';
import type { ArticlesTable } from '../storage/schema';

export type ArticleRow = ArticlesTable & { scope_name: string; scope_level: string; pledge_count: number };

function withScopeAndCount(db: Db) {
  return db
    .selectFrom('articles as a')
    .innerJoin('regions as r', 'r.id', 'a.scope_id')
    .selectAll('a')
    .select(['r.name as scope_name', 'r.level as scope_level'])
    .select((eb) =>
      eb
        .selectFrom('article_pledges as p')
        .whereRef('p.article_id', '=', 'a.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('pledge_count'),
    );
}

export async function getArticleRow(db: Db, id: string): Promise<ArticleRow | undefined> {
  const row = await withScopeAndCount(db).where('a.id', '=', id).executeTakeFirst();
  return row && { ...row, pledge_count: Number(row.pledge_count ?? 0) };
}

export interface FeedCursor {
  pinned: number;
  publishAt: string;
  id: string;
}

/** What a feed item shows (never the body: a page of bodies is most of the bytes read). */
export type ArticleSummaryRow = Pick<
  ArticleRow,
  'id' | 'title' | 'summary' | 'cover_url' | 'category' | 'scope_id' | 'scope_name' | 'scope_level' | 'pinned' | 'status' | 'publish_at' | 'pledge_prompt' | 'pledge_count'
>;

interface FeedShape {
  scopes: number;
  category: boolean;
  pinnedOnly: boolean;
  excludePinned: boolean;
  after: boolean;
}

type FeedValues = {
  now: string;
  limit: number;
  scope0: string;
  scope1: string;
  category: string;
  pinned: number;
  publishAt: string;
  id: string;
};

/**
 * One compiled query per shape of feed request (how many scopes, which filters, first page
 * or after a cursor): a handful in all, each built once (cloud/storage/compiled-query.ts).
 */
const feedQuery = compiledShapes((shape: FeedShape) =>
  compiledQuery((db, p: FeedValues) => {
    const range = (scopeId: string | undefined) => {
      let q = db
        .selectFrom('articles as f')
        .select(['f.id', 'f.pinned', 'f.publish_at'])
        .where('f.status', '=', 'published')
        .where('f.publish_at', '<=', p.now)
        .orderBy('f.pinned', 'desc')
        .orderBy('f.publish_at', 'desc')
        .orderBy('f.id', 'desc')
        .limit(p.limit);
      if (scopeId !== undefined) q = q.where('f.scope_id', '=', scopeId);
      if (shape.category) q = q.where('f.category', '=', p.category);
      if (shape.pinnedOnly) q = q.where('f.pinned', '=', 1);
      if (shape.excludePinned) q = q.where('f.pinned', '=', 0);
      if (shape.after) q = q.where(sql<boolean>`(f.pinned, f.publish_at, f.id) < (${p.pinned}, ${p.publishAt}, ${p.id})`);
      return q;
    };
    const scopes = shape.scopes === 0 ? [undefined] : [p.scope0, p.scope1].slice(0, shape.scopes);
    // SQLite takes no LIMIT inside a compound member: each range is a subquery of its own.
    const ranges = scopes.map((scope, i) => db.selectFrom(range(scope).as(`s${i}`)).selectAll());
    const both = ranges.slice(1).reduce((all, next) => all.unionAll(next), ranges[0]!);
    // Two scopes' pages cut to one before the join back, so only the rows shown are read whole.
    const page = ranges.length > 1 ? both.orderBy('pinned', 'desc').orderBy('publish_at', 'desc').orderBy('id', 'desc').limit(p.limit) : both;
    return db
      .selectFrom('articles as a')
      .innerJoin(page.as('page'), 'page.id', 'a.id')
      .innerJoin('regions as r', 'r.id', 'a.scope_id')
      .select(['a.id', 'a.title', 'a.summary', 'a.cover_url', 'a.category', 'a.scope_id', 'a.pinned', 'a.status', 'a.publish_at', 'a.pledge_prompt'])
      .select(['r.name as scope_name', 'r.level as scope_level'])
      // Counted only for an item that asks for pledges (most do not, and the reply shows none).
      .select((eb) =>
        eb
          .case()
          .when('a.pledge_prompt', 'is', null)
          .then(eb.lit(0))
          .else(eb.selectFrom('article_pledges as pl').whereRef('pl.article_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')))
          .end()
          .as('pledge_count'),
      )
      .orderBy('a.pinned', 'desc')
      .orderBy('a.publish_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(p.limit);
  }),
);

/**
 * Published items visible at `now`, pinned first, newest first, after the cursor.
 * `scopeIds` limits to those scopes (a community and the district).
 *
 * Each scope's page is one range of the (scope, status, pinned, publish_at, id) index,
 * entered at the cursor by a row-value comparison; the pages of the scopes (two at most)
 * are merged and cut to the limit, so a deep page costs what the first page costs.
 */
export async function listPublished(
  db: Db,
  query: { now: Date; scopeIds?: string[]; category?: string; pinnedOnly?: boolean; excludePinned?: boolean; after?: FeedCursor; limit: number },
): Promise<ArticleSummaryRow[]> {
  const scopes = query.scopeIds ? [...new Set(query.scopeIds)] : [];
  if (query.scopeIds && scopes.length === 0) return [];
  if (scopes.length > 2) throw new Error('a reader sees at most two scopes (their community and the district)');
  const shape: FeedShape = {
    scopes: scopes.length,
    category: Boolean(query.category),
    pinnedOnly: Boolean(query.pinnedOnly),
    excludePinned: Boolean(query.excludePinned),
    after: query.after !== undefined,
  };
  const rows = await feedQuery(shape).all(db, {
    now: query.now.toISOString(),
    limit: query.limit,
    scope0: scopes[0] ?? '',
    scope1: scopes[1] ?? '',
    category: query.category ?? '',
    pinned: query.after?.pinned ?? 0,
    publishAt: query.after?.publishAt ?? '',
    id: query.after?.id ?? '',
  });
  return rows.map((r) => ({ ...r, pledge_count: Number(r.pledge_count ?? 0) }));
}

/**
 * The `publish_at` of the next published article to enter the feed after `now` (a scheduled
 * one), as stored, or undefined: until then the feed's pages can only change by a write. The
 * feed compares `publish_at` as text with `now` in ISO form, and so must whoever compares
 * with this. One probe of `articles_publish_time`.
 */
const nextScheduled = compiledQuery((db, p: { now: string }) =>
  db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('publish_at').as('at'))
    .where('status', '=', 'published')
    .where('publish_at', '>', p.now),
);

export async function nextScheduledPublish(db: Db, now: Date): Promise<string | undefined> {
  return (await nextScheduled.takeFirst(db, { now: now.toISOString() }))?.at ?? undefined;
}

/** A new cover: the editor's own upload, not yet used anywhere. */
export interface CoverUpload {
  fileId: string;
  ownerId: string;
}

class CoverUnusable extends Error {}

/**
 * The write and its cover in one transaction: the upload is attached to the article (so it
 * is served while the article is published, articles/lib/article-files.ts) or nothing is
 * written. False when the file is someone else's, used elsewhere already, or unknown.
 */
async function withCover(db: Db, write: (tx: Db) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction().execute(write);
    return true;
  } catch (error) {
    if (error instanceof CoverUnusable) return false;
    throw error;
  }
}

/** The one category whose articles carry a pledge (承诺). */
export const PLEDGE_CATEGORY = '倡议';

/** Thrown when an edit would leave a pledge on an article that is not a 倡议; nothing is written. */
export class PledgeOffCampaign extends Error {}

export async function insertArticle(db: Db, row: ArticlesTable, cover?: CoverUpload): Promise<boolean> {
  return withCover(db, async (tx) => {
    await tx.insertInto('articles').values(row).execute();
    if (cover && !(await attachFiles(tx, [cover.fileId], cover.ownerId, 'article', row.id))) throw new CoverUnusable();
  });
}

/**
 * `cover`: a new upload to attach. `dropFileId`: the cover it replaces or removes, an upload
 * of this article's, which stops being served with it.
 */
export async function updateArticleRow(
  db: Db,
  id: string,
  changes: Partial<Omit<ArticlesTable, 'id' | 'created_at' | 'created_by'>>,
  covers: { cover?: CoverUpload; dropFileId?: string | null } = {},
): Promise<boolean> {
  return withCover(db, async (tx) => {
    let update = tx.updateTable('articles').set(changes).where('id', '=', id);
    // Only a 倡议 carries a pledge, judged on the row as written: a pledge added while
    // another edit moved the article out of 倡议 (or the reverse) changes nothing.
    if (changes.pledge_prompt && changes.category === undefined) update = update.where('category', '=', PLEDGE_CATEGORY);
    if (changes.category !== undefined && changes.category !== PLEDGE_CATEGORY && changes.pledge_prompt === undefined) update = update.where('pledge_prompt', 'is', null);
    const r = await update.executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new PledgeOffCampaign();
    if (covers.cover && !(await attachFiles(tx, [covers.cover.fileId], covers.cover.ownerId, 'article', id))) throw new CoverUnusable();
    if (covers.dropFileId && covers.dropFileId !== covers.cover?.fileId) await detachFile(tx, covers.dropFileId, 'article', id);
  });
}

/**
 * Idempotent: the primary key (article, user) lets one pledge in, however many taps race.
 * An insert-select from the article, so it is written only while the article is out for
 * readers (published, its time reached) with a pledge to make: an unpublish landing after
 * the handler's check leaves nothing. Returns whether a new pledge was written (false for a
 * repeat as well; the caller tells the two apart).
 */
export async function insertPledge(db: Db, articleId: string, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const r = await db
    .insertInto('article_pledges')
    .columns(['article_id', 'user_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('articles as a')
        .select(['a.id as article_id', sql<string>`${userId}`.as('user_id'), sql<string>`${at}`.as('created_at')])
        .where('a.id', '=', articleId)
        .where('a.status', '=', 'published')
        .where((w) => w.or([w('a.publish_at', 'is', null), w('a.publish_at', '<=', at)]))
        .where('a.pledge_prompt', 'is not', null),
    )
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function hasPledged(db: Db, articleId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('article_pledges')
    .select('user_id')
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countPledges(db: Db, articleId: string): Promise<number> {
  const row = await db
    .selectFrom('article_pledges')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything in these scopes for the console, newest first, one page at a time. */
export async function listForAdmin(
  db: Db,
  q: { scopeIds: string[] | 'all'; status?: string; now: Date; category?: string; q?: string; offset: number; limit: number },
): Promise<{ rows: ArticleRow[]; total: number }> {
  let base = db.selectFrom('articles as a');
  if (q.scopeIds !== 'all') base = base.where('a.scope_id', 'in', q.scopeIds.length ? q.scopeIds : ['-']);
  if (q.category) base = base.where('a.category', '=', q.category);
  if (q.q) base = base.where('a.title', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  const now = q.now.toISOString();
  if (q.status === 'scheduled') base = base.where('a.status', '=', 'published').where('a.publish_at', '>', now);
  else if (q.status === 'published') base = base.where('a.status', '=', 'published').where('a.publish_at', '<=', now);
  else if (q.status) base = base.where('a.status', '=', q.status);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await base.select('a.id').orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').offset(q.offset).limit(q.limit).execute();
  const rows: ArticleRow[] = [];
  for (const { id } of ids) {
    const row = await getArticleRow(db, id);
    if (row) rows.push(row);
  }
  return { rows, total };
}
