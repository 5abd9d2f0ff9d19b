import { AppError } from '../../types';
import { cancelBooking } from '../../types/bookings';
import { MINUTE } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { actOnBooking } from './act-on-booking';
import { getResourceRow } from './bookings.storage';
import { bookingFor, viewBooking } from './load-booking';

export default defineFunction(cancelBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'owner');
  const resource = await getResourceRow(services.db, row.resource_id);
  const cutoff = new Date(row.slot_start).getTime() - (resource?.cancel_cutoff_minutes ?? 0) * MINUTE;
  if (services.clock.now().getTime() >= cutoff) throw new AppError('BOOKING_CANCEL_CUTOFF');
  if (row.step && row.step !== 'booked') throw new AppError('BOOKING_NOT_ALLOWED_NOW', '事项已在办理中，不能取消');
  await actOnBooking(services, row, 'cancel', { by: caller.id });
  return viewBooking(services, row.id, false);
});
