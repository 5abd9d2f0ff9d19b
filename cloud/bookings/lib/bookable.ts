import { AppError, type ErrorName } from '../../../types';
import { shanghaiDay } from '../../../types/time';
import { DAY, MINUTE } from '../../core/clock';
import type { ResourceRow } from '../bookings.storage';

/**
 * Why a slot cannot be booked now, or null when it can: the rules of notice, horizon and
 * closed days, read by booking, rescheduling and the availability grid alike.
 */
export function slotProblem(resource: Pick<ResourceRow, 'min_notice_minutes' | 'days_ahead'>, start: Date, now: Date, closed: string | null): ErrorName | null {
  if (closed) return 'BOOKING_CLOSED_DATE';
  if (start.getTime() <= now.getTime()) return 'BOOKING_PAST';
  if (start.getTime() - now.getTime() < resource.min_notice_minutes * MINUTE) return 'BOOKING_TOO_SOON';
  // The horizon counts whole days: booking "7 days ahead" reaches the end of the 7th day.
  const lastDay = shanghaiDay(new Date(now.getTime() + resource.days_ahead * DAY));
  if (shanghaiDay(start) > lastDay) return 'BOOKING_TOO_FAR';
  return null;
}

export const SLOT_REASON_TEXT: Partial<Record<ErrorName, string>> = {
  BOOKING_CLOSED_DATE: '暂停开放',
  BOOKING_PAST: '已过时',
  BOOKING_TOO_SOON: '需提前预约',
  BOOKING_TOO_FAR: '暂未开放',
};

/**
 * The same rules again inside the booking's transaction, on the resource and the day as they
 * are once the resource is locked: an admin may have closed the day, or taken the resource
 * out of service, since the first check.
 */
export function admitSlot(start: Date, now: Date): (resource: Pick<ResourceRow, 'min_notice_minutes' | 'days_ahead' | 'active'>, closed: string | null) => void {
  return (resource, closed) => {
    if (resource.active !== 1) throw new AppError('NOT_FOUND');
    const problem = slotProblem(resource, start, now, closed);
    if (problem) throw new AppError(problem);
  };
}
