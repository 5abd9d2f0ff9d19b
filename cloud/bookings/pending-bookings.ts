import { AppError } from '../../types';
import { pendingBookings } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { narrowScope } from '../core/scope';
import { bookingAdminCommunities } from './bookings.permissions';
import { bookingsOfCommunities } from './bookings.storage';
import { viewBookings } from './lib/load-booking';

export default defineFunction(pendingBookings, async (input, { services, caller }) => {
  const scope = narrowScope(bookingAdminCommunities(caller.grants), input.communityId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  const rows = await bookingsOfCommunities(services.db, {
    communityIds: scope,
    from: services.clock.now(),
    statuses: ['pending'],
  });
  return viewBookings(services, rows, true);
});
