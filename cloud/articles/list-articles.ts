import { listArticles, type ArticlePage } from '../../types/articles';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { replyCacheOf } from '../core/reply-cache';
import type { Db } from '../storage/dialect';
import { toSummary } from './lib/article-view';
import { listPublished, nextScheduledPublish, type FeedCursor } from './articles.storage';

function feedCursor(cursor: string): FeedCursor {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['number', 'string', 'string']);
  return { pinned, publishAt, id };
}

/** First pages kept at once: every community's home page, with a few filters and page sizes. */
const FIRST_PAGES_KEPT = 256;

type FeedRequest = Omit<Parameters<typeof listPublished>[1], 'now' | 'limit' | 'after'> & { limit: number; cursor?: string };

async function feedPage(db: Db, request: FeedRequest, now: Date): Promise<ArticlePage> {
  // One extra row tells whether another page follows.
  const rows = await listPublished(db, { ...request, now, after: request.cursor ? feedCursor(request.cursor) : undefined, limit: request.limit + 1 });
  return pageOf(rows, request.limit, (last) => [last.pinned, last.publish_at!, last.id], (r) => toSummary(r, now));
}

export default defineFunction(listArticles, async (input, { services }) => {
  const db = services.db;
  const scopeIds = await readerScope(db, input.communityId);
  const now = services.clock.now();
  const request: FeedRequest = { scopeIds, category: input.category, pinnedOnly: input.pinnedOnly, excludePinned: input.excludePinned, limit: input.limit, cursor: input.cursor };
  // A deep page is read by one resident scrolling; the first page by everyone who opens the
  // home page, so this host keeps it until an article, a pledge or a region changes or a
  // scheduled article's time comes (cloud/core/reply-cache.ts).
  if (input.cursor) return feedPage(db, request, now);
  const key = JSON.stringify([input.communityId ?? null, input.category ?? null, Boolean(input.pinnedOnly), Boolean(input.excludePinned), input.limit]);
  return replyCacheOf<ArticlePage>(db, 'feed first pages', 'feed', FIRST_PAGES_KEPT).get(db, key, now, async () => ({
    value: await feedPage(db, request, now),
    validUntil: await nextScheduledPublish(db, now),
  }));
});
