import { listArticles } from '../../types/articles';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toSummary } from './lib/article-view';
import { listPublished, type FeedCursor } from './articles.storage';

function feedCursor(cursor: string): FeedCursor {
  const [pinned, publishAt, id] = decodeCursor(cursor, ['number', 'string', 'string']);
  return { pinned, publishAt, id };
}

export default defineFunction(listArticles, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const now = services.clock.now();
  // One extra row tells whether another page follows.
  const rows = await listPublished(services.db, {
    now,
    scopeIds,
    category: input.category,
    pinnedOnly: input.pinnedOnly,
    excludePinned: input.excludePinned,
    after: input.cursor ? feedCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  return pageOf(rows, input.limit, (last) => [last.pinned, last.publish_at!, last.id], (r) => toSummary(r, now));
});
