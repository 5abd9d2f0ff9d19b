import { cancelBooking } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { actOnBooking } from './lib/act-on-booking';
import { residentChangeRefusal } from './bookings.permissions';
import { getResourceRow } from './bookings.storage';
import { bookingFor, viewBooking } from './lib/load-booking';

export default defineFunction(cancelBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'owner');
  const resource = await getResourceRow(services.db, row.resource_id);
  const refusal = residentChangeRefusal('cancel', caller, row, resource?.cancel_cutoff_minutes ?? 0, services.clock.now());
  if (refusal) throw refusal;
  // The write holds only if status, hall step and time are still the ones checked: staff
  // starting on the matter in between makes it 事项已在办理中 (BOOKING_NOT_ALLOWED_NOW).
  await actOnBooking(services, row, 'cancel', { by: caller.id, unchanged: true });
  return viewBooking(services, row.id, false);
});
