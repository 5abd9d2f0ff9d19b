import { queueCounts } from '../../types/admin';
import { defineFunction } from '../core/define-function';
import { statsCommunities } from './dashboard.permissions';
import { overdueFlag } from '../petitions/lib/deadlines';
import { countWhere, openPetitions } from './dashboard.storage';

export default defineFunction(queueCounts, async (_input, { services, caller }) => {
  const scope = statsCommunities(caller.grants);
  const now = services.clock.now();
  const open = await openPetitions(services.db, scope);
  const [bookingsPending, nominationsPending, thanksPending, thanksHidden] = await Promise.all([
    countWhere(services.db, 'bookings', 'pending', scope),
    countWhere(services.db, 'nominations', 'pending', scope),
    countWhere(services.db, 'thanks_posts', 'pending', scope),
    countWhere(services.db, 'thanks_posts', 'hidden', scope),
  ]);
  return {
    petitionsOpen: open.length,
    petitionsOverdue: open.filter((p) => overdueFlag(p, now) !== null).length,
    bookingsPending,
    nominationsPending,
    thanksPending,
    thanksHidden,
  };
});
