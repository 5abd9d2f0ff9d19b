import { myEvents } from '../../types/events';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { checkinQr, toEventSummary, toMyRegistration } from './lib/event-view';
import { myEventRows } from './events.storage';

export default defineFunction(myEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const past = input.when === 'past';
  const after = input.cursor ? decodeCursor(input.cursor, ['string', 'string']) : undefined;
  // One statement for the page (events, registrations, places in line); one extra row
  // tells whether another page follows.
  const rows = await myEventRows(services.db, {
    userId: caller.id,
    past,
    now,
    after: after && { startsAt: after[0], id: after[1] },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const items = await Promise.all(
    page.map(async ({ event, registration: reg, waitlistPosition }) => {
      const registration = toMyRegistration(reg, event, waitlistPosition, now);
      return {
        event: toEventSummary(event, now),
        registration,
        checkinQr: registration.checkinCode && !past ? await checkinQr(registration.checkinCode) : null,
      };
    }),
  );
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.event.starts_at, last.event.id]) : null };
});
