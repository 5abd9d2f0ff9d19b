import { AppError } from '../../types';
import { adminListResources } from '../../types/bookings';
import { shanghaiDay } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { narrowScope } from '../core/scope';
import { bookingAdminCommunities } from './bookings.permissions';
import { toResource } from './lib/booking-view';
import { centersOf, closedDatesOf, resourcesOfCenter } from './bookings.storage';

export default defineFunction(adminListResources, async (input, { services, caller }) => {
  const scope = narrowScope(bookingAdminCommunities(caller.grants), input.communityId);
  if (!scope) throw new AppError('OUT_OF_SCOPE');
  const today = shanghaiDay(services.clock.now());
  const centers = await centersOf(services.db, scope);
  return Promise.all(
    centers.map(async (c) => ({
      centerId: c.id,
      centerName: c.name,
      communityId: c.community_id,
      resources: await Promise.all((await resourcesOfCenter(services.db, c.id)).map(async (r) => toResource(r, await closedDatesOf(services.db, r.id, today)))),
    })),
  );
});
