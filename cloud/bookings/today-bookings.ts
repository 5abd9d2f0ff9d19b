import { AppError } from '../../types';
import { todayBookings } from '../../types/bookings';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { narrowScope } from '../core/scope';
import { bookingDeskCommunities } from './bookings.permissions';
import { bookingsOfCommunities } from './bookings.storage';
import { viewBookings } from './lib/load-booking';

export default defineFunction(todayBookings, async (input, { services, caller }) => {
  const scope = narrowScope(bookingDeskCommunities(caller.grants), input.communityId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  const day = input.date ?? shanghaiDay(services.clock.now());
  const from = shanghaiTime(day, '00:00');
  const rows = await bookingsOfCommunities(services.db, {
    communityIds: scope,
    from,
    to: new Date(from.getTime() + DAY),
    statuses: ['pending', 'approved', 'checked_in', 'no_show'],
  });
  return viewBookings(services, rows, true);
});
