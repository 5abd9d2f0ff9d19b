import { rejectBooking } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { actOnBooking, factsOf } from './lib/act-on-booking';
import { progressMessage } from './lib/booking-messages';
import { bookingFor, viewBooking } from './lib/load-booking';

export default defineFunction(rejectBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'admin');
  const now = services.clock.now();
  await actOnBooking(services, row, 'reject', {
    by: caller.id,
    note: input.reason,
    changes: { reject_reason: input.reason },
    messages: [progressMessage(services.config, factsOf(row), 'rejected', `未通过：${input.reason}`, now)],
  });
  return viewBooking(services, row.id, true);
});
