import { formatFullDateTime } from '../../../types/time';
import type { Config } from '../../config';
import { DAY } from '../../core/clock';
import type { OutgoingMessage } from '../../notifications/outbox.storage';
import { templateFor, thing, type MessageKind } from '../../notifications/templates';

export const BOOKING_PAGE = 'packages/bookings/mine/index';

const BOOKING_MESSAGE_KIND: Record<string, MessageKind> = {
  created: 'booking.created',
  approved: 'booking.approved',
  rejected: 'booking.rejected',
  closed: 'booking.closed',
  suspended: 'booking.suspended',
};

/** One progress message: the matter, its time, where it stands. Keyed so it goes once. */
export function progressMessage(
  _config: Pick<Config, 'templates'>,
  b: { id: string; userId: string; resourceName: string; centerName: string; start: string },
  what: string,
  note: string,
  now: Date,
): OutgoingMessage {
  return {
    dedupeKey: `booking:${b.id}:${what}:${now.toISOString()}`,
    userId: b.userId,
    template: templateFor(BOOKING_MESSAGE_KIND[what] ?? 'booking.step'),
    page: `${BOOKING_PAGE}?id=${b.id}`,
    data: { thing1: thing(b.resourceName), time2: formatFullDateTime(b.start), thing3: thing(b.centerName), thing4: thing(note) },
    notBefore: now,
  };
}

/**
 * 预约提醒 the day before a confirmed booking (nothing when that moment has passed). It is
 * dropped when the booking ends early (transitionBooking skips `booking:<id>:remind`).
 */
export function reminderMessage(
  b: { id: string; userId: string; resourceName: string; centerName: string; start: string },
  now: Date,
): OutgoingMessage[] {
  const at = new Date(new Date(b.start).getTime() - DAY);
  if (at.getTime() <= now.getTime()) return [];
  return [
    {
      dedupeKey: `booking:${b.id}:remind-day:${b.start}`,
      userId: b.userId,
      template: templateFor('booking.remindDay'),
      page: `${BOOKING_PAGE}?id=${b.id}`,
      data: { thing1: thing(b.resourceName), time2: formatFullDateTime(b.start), thing3: thing(b.centerName), thing4: thing('明天就是预约时间，请按时前来') },
      notBefore: at,
    },
  ];
}
