import { listResources } from '../../types/bookings';
import { shanghaiDay } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { toResource } from './lib/booking-view';
import { closedDatesOf, listResourceRows } from './bookings.storage';

export default defineFunction(listResources, async (input, { services }) => {
  const today = shanghaiDay(services.clock.now());
  const rows = await listResourceRows(services.db, input.communityId, input.kind);
  return Promise.all(rows.map(async (r) => toResource(r, await closedDatesOf(services.db, r.id, today))));
});
