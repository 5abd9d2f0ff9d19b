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
  // A page is mostly a few rooms booked again and again: each one's documents parsed once.
  const documents = new Map<string, string[]>();
  const documentsOf = (text: string) => {
    let parsed = documents.get(text);
    if (!parsed) documents.set(text, (parsed = JSON.parse(text) as string[]));
    return parsed;
  };
  return {
    // `notifiable` added to the view's own fresh object, last as before, not copied into another.
    bookings: page.map((r) =>
      Object.assign(toBooking(r, r.steps, { now, cancelCutoffMinutes: r.cancel_cutoff_minutes, documents: documentsOf(r.documents), forStaff: false }), { notifiable: null }),
    ),
    suspendedUntil: until ? new Date(until) : null,
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.slot_start, last.id]) : null,
  };
});
