import { approveBooking } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { actOnBooking, factsOf } from './lib/act-on-booking';
import { progressMessage, reminderMessage } from './lib/booking-messages';
import { bookingFor, viewBooking } from './lib/load-booking';

export default defineFunction(approveBooking, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'admin');
  const now = services.clock.now();
  await actOnBooking(services, row, 'approve', {
    by: caller.id,
    messages: [progressMessage(services.config, factsOf(row), 'approved', '审核通过，请按时前来', now), ...reminderMessage(factsOf(row), now)],
  });
  return viewBooking(services, row.id, true);
});
