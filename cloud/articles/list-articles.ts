import { AppError } from '../../types';
import { listArticles } from '../../types/articles';
import { getDistrict, getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { toSummary } from './article-view';
import { listPublished, type FeedCursor } from './articles.storage';

function decodeCursor(cursor: string): FeedCursor {
  try {
    const [pinned, publishAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, string];
    if (typeof pinned === 'number' && typeof publishAt === 'string' && typeof id === 'string') return { pinned, publishAt, id };
  } catch {
    // fall through to the coded error
  }
  throw new AppError('INVALID_INPUT', '翻页参数无效，请下拉刷新后重试', [{ path: 'cursor', message: '翻页参数无效' }]);
}

function encodeCursor(c: FeedCursor): string {
  return Buffer.from(JSON.stringify([c.pinned, c.publishAt, c.id])).toString('base64url');
}

export default defineFunction(listArticles, async (input, { services }) => {
  let scopeIds: string[] | undefined;
  if (input.communityId) {
    const community = await getRegion(services.db, input.communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const district = await getDistrict(services.db);
    scopeIds = [community.id, ...(district ? [district.id] : [])];
  }
  const now = services.clock.now();
  // One extra row tells whether another page follows.
  const rows = await listPublished(services.db, {
    now,
    scopeIds,
    category: input.category,
    pinnedOnly: input.pinnedOnly,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r, now)),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ pinned: last.pinned, publishAt: last.publish_at!, id: last.id }) : null,
  };
});
