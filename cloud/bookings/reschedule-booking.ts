import { AppError } from '../../types';
import { bookingNext, rescheduleBooking, type BookingStatus } from '../../types/bookings';
import { formatDateTime, shanghaiDay } from '../../types/time';
import { MINUTE } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { slotProblem } from './bookable';
import { closedReason, getResourceRow, moveBooking } from './bookings.storage';
import { bookingFor, viewBooking } from './load-booking';
import { slotAt } from './slots';

export default defineFunction(rescheduleBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'owner');
  const resource = (await getResourceRow(services.db, row.resource_id))!;
  const now = services.clock.now();
  const to = bookingNext(row.status as BookingStatus, 'reschedule');
  if (!to || (row.step && row.step !== 'booked')) throw new AppError('BOOKING_NOT_ALLOWED_NOW');
  if (now.getTime() >= new Date(row.slot_start).getTime() - resource.cancel_cutoff_minutes * MINUTE) throw new AppError('BOOKING_CANCEL_CUTOFF');
  const slot = slotAt({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.start);
  if (!slot) throw new AppError('BOOKING_NOT_A_SLOT');
  const problem = slotProblem(resource, slot.start, now, await closedReason(services.db, resource.id, shanghaiDay(slot.start)));
  if (problem) throw new AppError(problem);
  await moveBooking(services.db, {
    id: row.id,
    from: row.status,
    to,
    slotStart: slot.start.toISOString(),
    slotEnd: slot.end.toISOString(),
    size: resource.kind === 'hall' ? resource.window_size : 1,
    resourceId: resource.id,
    now,
    note: `${formatDateTime(row.slot_start)} 改为 ${formatDateTime(slot.start)}`,
    by: caller.id,
  });
  return viewBooking(services, row.id, false);
});
