import { AppError } from '../../types';
import { listEvents } from '../../types/events';
import { getDistrict, getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { toEventSummary } from './event-view';
import { listEventRows, type EventCursor } from './events.storage';

function decodeCursor(cursor: string): EventCursor {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof startsAt === 'string' && typeof id === 'string') return { startsAt, id };
  } catch {
    // the coded error below
  }
  throw new AppError('INVALID_INPUT', '翻页参数无效，请下拉刷新后重试', [{ path: 'cursor', message: '翻页参数无效' }]);
}

export default defineFunction(listEvents, async (input, { services }) => {
  let scopeIds: string[] | undefined;
  if (input.communityId) {
    const community = await getRegion(services.db, input.communityId);
    if (!community) throw new AppError('COMMUNITY_NOT_FOUND');
    const district = await getDistrict(services.db);
    scopeIds = [community.id, ...(district ? [district.id] : [])];
  }
  const now = services.clock.now();
  const rows = await listEventRows(services.db, {
    when: input.when,
    now,
    scopeIds,
    category: input.category,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toEventSummary(r, now)),
    nextCursor: rows.length > input.limit && last ? Buffer.from(JSON.stringify([last.starts_at, last.id])).toString('base64url') : null,
  };
});
