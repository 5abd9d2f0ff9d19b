import { myEvents } from '../../types/events';
import { decodeCursor, encodeCursor } from '../core/cursor';
import { defineFunction } from '../core/define-function';
import { toEventSummary, toMyRegistration } from './lib/event-view';
import { myEventRows } from './events.storage';

export default defineFunction(myEvents, async (input, { services, caller }) => {
  const now = services.clock.now();
  const after = input.cursor ? decodeCursor(input.cursor, ['string', 'string']) : undefined;
  // One statement for the page (events, registrations, places in line); one extra row
  // tells whether another page follows. The check-in QR code is drawn by the mini-program
  // from `registration.checkinCode` (src/packages/events/mine/checkin-qr.ts).
  const rows = await myEventRows(services.db, {
    userId: caller.id,
    past: input.when === 'past',
    now,
    after: after && { startsAt: after[0], id: after[1] },
    limit: input.limit + 1,
  });
  const page = rows.length > input.limit ? rows.slice(0, input.limit) : rows;
  const nowIso = now.toISOString();
  const items = page.map((row) => ({
    event: toEventSummary(row, now),
    registration: toMyRegistration(
      { id: row.reg_id, status: row.reg_status, checkin_code: row.reg_checkin_code, checked_in_at: row.reg_checked_in_at },
      row,
      row.reg_position,
      now,
      nowIso,
    ),
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.starts_at, last.id]) : null };
});
