import { AppError } from '../../types';
import { bookingNext, rescheduleBooking, type BookingStatus } from '../../types/bookings';
import { formatDateTime, shanghaiDay } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { admitSlot, slotProblem } from './lib/bookable';
import { residentChangeRefusal } from './bookings.permissions';
import { closedReason, getResourceRow, moveBooking } from './bookings.storage';
import { bookingFor, viewBooking } from './lib/load-booking';
import { slotAt } from './lib/slots';

export default defineFunction(rescheduleBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'owner');
  const resource = (await getResourceRow(services.db, row.resource_id))!;
  const now = services.clock.now();
  const refusal = residentChangeRefusal('reschedule', caller, row, resource.cancel_cutoff_minutes, now);
  if (refusal) throw refusal;
  const slot = slotAt({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.start);
  if (!slot) throw new AppError('BOOKING_NOT_A_SLOT');
  const problem = slotProblem(resource, slot.start, now, await closedReason(services.db, resource.id, shanghaiDay(slot.start)));
  if (problem) throw new AppError(problem);
  // Inside the move's transaction: the booking still in the status, step and slot checked
  // above, and the new day still open.
  await moveBooking(services.db, {
    id: row.id,
    from: row.status,
    fromStep: row.step,
    fromStart: row.slot_start,
    to: bookingNext(row.status as BookingStatus, 'reschedule')!,
    slotStart: slot.start.toISOString(),
    slotEnd: slot.end.toISOString(),
    size: resource.kind === 'hall' ? resource.window_size : 1,
    resourceId: resource.id,
    now,
    note: `${formatDateTime(row.slot_start)} 改为 ${formatDateTime(slot.start)}`,
    by: caller.id,
    day: shanghaiDay(slot.start),
    admit: admitSlot(slot.start, now),
  });
  return viewBooking(services, row.id, false);
});
