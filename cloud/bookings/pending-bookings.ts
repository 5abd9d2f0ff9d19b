import { AppError } from '../../types';
import { pendingBookings } from '../../types/bookings';
import { defineFunction } from '../core/define-function';
import { communitiesWhere } from '../core/scope';
import { bookingsOfCommunities } from './bookings.storage';
import { viewBookings } from './lib/load-booking';

export default defineFunction(pendingBookings, async (input, { services, caller }) => {
  const mine = communitiesWhere(caller.grants, ['communityAdmin']);
  if (input.communityId && mine !== 'all' && !mine.includes(input.communityId)) throw new AppError('OUT_OF_SCOPE');
  const rows = await bookingsOfCommunities(services.db, {
    communityIds: input.communityId ? [input.communityId] : mine,
    from: services.clock.now(),
    statuses: ['pending'],
  });
  return viewBookings(services, rows, true);
});
