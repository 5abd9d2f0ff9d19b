import { listEvents, type EventSummary } from '../../types/events';
import { readerScope } from '../communities/regions';
import { decodeCursor, pageOf } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { firstPageOf, keptTop, replyCacheOf, topRowsFor, topServes, type KeptTop } from '../core/reply-cache';
import type { Db } from '../storage/dialect';
import { nextStatusChange, toEventSummary } from './lib/event-view';
import { listEventRows, type EventCursor, type EventSummaryRow } from './events.storage';

function eventCursor(cursor: string): EventCursor {
  const [startsAt, id] = decodeCursor(cursor, ['string', 'string']);
  return { startsAt, id };
}

const sortValues = (row: EventSummaryRow) => [row.starts_at, row.id];

/** Tops of the upcoming list kept at once (a community or all, a category). */
const UPCOMING_TOPS_KEPT = 128;

/** The upcoming tops this host keeps (one cache per host's database handle). */
export const upcomingTops = (db: Db) => replyCacheOf<KeptTop<EventSummary>>(db, 'upcoming event tops', 'events', UPCOMING_TOPS_KEPT);

export default defineFunction(listEvents, async (input, { services, contentVersions }) => {
  const db = services.db;
  const scopeIds = await readerScope(db, input.communityId);
  const now = services.clock.now();
  const request = { when: input.when, now, scopeIds, category: input.category };
  if (input.cursor || input.when !== 'upcoming') {
    const rows = await listEventRows(db, { ...request, after: input.cursor ? eventCursor(input.cursor) : undefined, limit: input.limit + 1 });
    return pageOf(rows, input.limit, sortValues, (r) => toEventSummary(r, now));
  }
  // The upcoming list's first page is what residents open: this host keeps its top until an
  // event, a registration or a region changes, or the time comes when one of its events shows
  // differently (cloud/core/reply-cache.ts). Past and ongoing lists and deeper pages: afresh.
  const key = JSON.stringify([input.communityId ?? null, input.category ?? null]);
  const asked = topRowsFor(input.limit);
  const { value: top, kept } = await upcomingTops(db).get(
    db,
    key,
    now,
    async () => {
      const rows = await listEventRows(db, { ...request, limit: asked });
      return { value: keptTop(rows, asked, (r) => toEventSummary(r, now), sortValues), validBefore: nextStatusChange(rows, now) };
    },
    (kept) => topServes(kept, input.limit),
    contentVersions,
  );
  return firstPageOf(top, input.limit, kept);
}, { keptLists: ['events'] });
