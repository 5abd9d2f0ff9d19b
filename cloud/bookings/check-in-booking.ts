import { checkInBooking } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { actOnBooking } from './lib/act-on-booking';
import { bookingFor, viewBooking } from './lib/load-booking';

export default defineFunction(checkInBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'staff');
  // At the hall, arriving is also the matter's first step.
  await actOnBooking(services, row, 'checkIn', {
    by: caller.id,
    changes: row.step === 'booked' ? { step: 'arrived' } : undefined,
    stepName: row.step === 'booked' ? 'arrived' : 'checked_in',
  });
  return viewBooking(services, row.id, true);
});
