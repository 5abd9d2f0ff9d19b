import { FEED_PAGE_MAX, listArticles, type ArticlePage, type ArticleSummary } from '../../types/articles';
import { readerScope } from '../communities/regions';
import { decodeCursor, encodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { keptReply, replyCacheOf } from '../core/reply-cache';
import type { Db } from '../storage/dialect';
import { toSummary } from './lib/article-view';
import { listPublished, nextScheduledPublish, type ArticleSummaryRow, type FeedCursor } from './articles.storage';

function feedCursor(cursor: string): FeedCursor {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['number', 'string', 'string']);
  return { pinned, publishAt, id };
}

const sortValues = (row: ArticleSummaryRow) => [row.pinned, row.publish_at!, row.id];

type FeedRequest = Omit<Parameters<typeof listPublished>[1], 'now' | 'limit' | 'after'>;

/**
 * The top of one feed (a community or all, a category, pinned or not), as many rows as the
 * largest page and one more: every first page, whatever its size, is cut from it.
 */
interface FeedTop {
  items: readonly ArticleSummary[];
  cursors: readonly string[];
  /** The pages already cut, by size: each encoded once (the host's `replyEncoding`). */
  pages: Map<number, ArticlePage>;
}

/** First pages kept at once (each feed's top: a community, a category, pinned or not). */
const FEED_TOPS_KEPT = 256;
/** Page sizes kept encoded for one feed's top (the mini-program asks for three). */
const PAGES_KEPT_A_TOP = 4;

async function feedTop(db: Db, request: FeedRequest, now: Date): Promise<FeedTop> {
  const rows = await listPublished(db, { ...request, now, limit: FEED_PAGE_MAX + 1 });
  return {
    items: Object.freeze(rows.map((r) => Object.freeze(toSummary(r, now)))),
    cursors: Object.freeze(rows.map((r) => encodeCursor(sortValues(r)))),
    pages: new Map(),
  };
}

/** The first `limit` items, as `pageOf` makes a page from `limit + 1` rows; kept encoded if `top` is kept. */
function firstPage(top: FeedTop, limit: number, topKept: boolean): ArticlePage {
  const kept = top.pages.get(limit);
  if (kept) return kept;
  const page = { items: top.items.slice(0, limit), nextCursor: top.items.length > limit ? top.cursors[limit - 1]! : null };
  if (!topKept || top.pages.size >= PAGES_KEPT_A_TOP) return page;
  top.pages.set(limit, keptReply(page));
  return page;
}

export default defineFunction(listArticles, async (input, { services }) => {
  const db = services.db;
  const scopeIds = await readerScope(db, input.communityId);
  const now = services.clock.now();
  const request: FeedRequest = { scopeIds, category: input.category, pinnedOnly: input.pinnedOnly, excludePinned: input.excludePinned };
  if (input.cursor) {
    // A deep page is read by one resident scrolling: always afresh. One extra row tells
    // whether another page follows.
    const rows = await listPublished(db, { ...request, now, after: feedCursor(input.cursor), limit: input.limit + 1 });
    return pageOf(rows, input.limit, sortValues, (r) => toSummary(r, now));
  }
  // The first page is read by everyone who opens the home page: this host keeps the top of
  // each feed until an article, a pledge or a region changes or a scheduled article's time
  // comes (cloud/core/reply-cache.ts).
  const key = JSON.stringify([input.communityId ?? null, input.category ?? null, Boolean(input.pinnedOnly), Boolean(input.excludePinned)]);
  const { value: top, kept } = await replyCacheOf<FeedTop>(db, 'feed tops', 'feed', FEED_TOPS_KEPT).get(db, key, now, async () => ({
    value: await feedTop(db, request, now),
    validBefore: await nextScheduledPublish(db, now),
  }));
  return firstPage(top, input.limit, kept);
});
