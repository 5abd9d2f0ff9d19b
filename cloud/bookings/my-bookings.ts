import { myBookings } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { activeSuspension, bookingsOfUser } from './bookings.storage';
import { viewBookings } from './lib/load-booking';

export default defineFunction(myBookings, async (input, { services, caller }) => {
  const now = services.clock.now();
  const rows = await bookingsOfUser(services.db, caller.id, { now, past: input.when === 'past' });
  const until = await activeSuspension(services.db, caller.id, now);
  return { bookings: await viewBookings(services, rows, false), suspendedUntil: until ? new Date(until) : null };
});
