import { listEvents } from '../../types/events';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toEventSummary } from './lib/event-view';
import { listEventRows, type EventCursor } from './events.storage';

function eventCursor(cursor: string): EventCursor {
  const [startsAt, id] = decodeCursor(cursor, ['string', 'string']);
  return { startsAt, id };
}

export default defineFunction(listEvents, async (input, { services }) => {
  const scopeIds = await readerScope(services.db, input.communityId);
  const now = services.clock.now();
  const rows = await listEventRows(services.db, {
    when: input.when,
    now,
    scopeIds,
    category: input.category,
    after: input.cursor ? eventCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  return pageOf(rows, input.limit, (last) => [last.starts_at, last.id], (r) => toEventSummary(r, now));
});
