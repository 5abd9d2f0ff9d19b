import { listArticles, type ArticleSummary } from '../../types/articles';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { firstPageOf, keptTop, replyCacheOf, topRowsFor, topServes, type KeptTop } from '../core/reply-cache';
import type { Db } from '../storage/dialect';
import { toSummary } from './lib/article-view';
import { listPublished, nextScheduledPublish, type ArticleSummaryRow, type FeedCursor } from './articles.storage';

function feedCursor(cursor: string): FeedCursor {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['number', 'string', 'string']);
  return { pinned, publishAt, id };
}

const sortValues = (row: ArticleSummaryRow) => [row.pinned, row.publish_at!, row.id];

/** Feed tops kept at once (a community or all, a category, pinned or not). */
const FEED_TOPS_KEPT = 256;

/** The feed tops this host keeps (one cache per host's database handle). */
export const feedTops = (db: Db) => replyCacheOf<KeptTop<ArticleSummary>>(db, 'feed tops', 'feed', FEED_TOPS_KEPT);

export default defineFunction(listArticles, async (input, { services, contentVersions }) => {
  const db = services.db;
  const scopeIds = await readerScope(db, input.communityId);
  const now = services.clock.now();
  const request = { now, scopeIds, category: input.category, pinnedOnly: input.pinnedOnly, excludePinned: input.excludePinned };
  if (input.cursor) {
    // A deep page is read by one resident scrolling: always afresh. One extra row tells
    // whether another page follows.
    const rows = await listPublished(db, { ...request, after: feedCursor(input.cursor), limit: input.limit + 1 });
    return pageOf(rows, input.limit, sortValues, (r) => toSummary(r, now));
  }
  // The first page is read by everyone who opens the home page: this host keeps the top of
  // each feed until an article, a pledge or a region changes or a scheduled article's time
  // comes (cloud/core/reply-cache.ts).
  const key = JSON.stringify([input.communityId ?? null, input.category ?? null, Boolean(input.pinnedOnly), Boolean(input.excludePinned)]);
  const asked = topRowsFor(input.limit);
  const { value: top, kept } = await feedTops(db).get(
    db,
    key,
    now,
    async () => ({
      value: keptTop(await listPublished(db, { ...request, limit: asked }), asked, (r) => toSummary(r, now), sortValues),
      validBefore: await nextScheduledPublish(db, now),
    }),
    (kept) => topServes(kept, input.limit),
    contentVersions,
  );
  return firstPageOf(top, input.limit, kept);
}, { keptLists: ['feed'] });
