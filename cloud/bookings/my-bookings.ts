import { myBookings } from '../../types/bookings';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { activeSuspension, myBookingPage } from './bookings.storage';
import { toBooking } from './lib/booking-view';

/**
 * 我的预约, a page at a time: one statement for the page with its timelines and the
 * suspension (bookings.storage.ts, myBookingPage); a second only when the page is empty, to
 * say whether booking is suspended.
 */
export default defineFunction(myBookings, async (input, { services, caller }) => {
  const now = services.clock.now();
  const after = input.cursor ? decodeCursor(input.cursor, ['string', 'string']) : undefined;
  // One extra row tells whether another page follows.
  const rows = await myBookingPage(services.db, {
    userId: caller.id,
    now,
    past: input.when === 'past',
    after: after && { slotStart: after[0], id: after[1] },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const until = rows[0] ? rows[0].suspended_until : await activeSuspension(services.db, caller.id, now);
  return {
    bookings: page.map((r) => ({
      ...toBooking(r, r.steps, { now, cancelCutoffMinutes: r.cancel_cutoff_minutes, documents: JSON.parse(r.documents) as string[], forStaff: false }),
      notifiable: null,
    })),
    suspendedUntil: until ? new Date(until) : null,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.slot_start, last.id]) : null,
  };
});
