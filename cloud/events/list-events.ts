import { listEvents } from '../../types/events';
import { readerScope } from '../communities/regions';
import { decodeCursor, encodeCursor } from '../core/cursor';
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
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toEventSummary(r, now)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.starts_at, last.id]) : null,
  };
});
