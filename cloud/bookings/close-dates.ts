import { AppError } from '../../types';
import { closeDates } from '../../types/bookings';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { progressMessage } from './lib/booking-messages';
import { toResource } from './lib/booking-view';
import { mayAdministerBookings } from './bookings.permissions';
import { activeBookingsOn, closedDatesOf, getResourceRow, setClosedDates, transitionBooking } from './bookings.storage';

export default defineFunction(closeDates, async (input, { services, caller }) => {
  const resource = await getResourceRow(services.db, input.resourceId);
  if (!resource || !mayAdministerBookings(caller.grants, resource.community_id)) throw new AppError('NOT_FOUND');
  await setClosedDates(services.db, resource.id, input.close, input.reopen);
  const now = services.clock.now();
  // Bookings already made for a day that closes are cancelled, and their residents told why.
  for (const c of input.close) {
    const from = shanghaiTime(c.date, '00:00');
    for (const b of await activeBookingsOn(services.db, resource.id, from, new Date(from.getTime() + DAY))) {
      await transitionBooking(services.db, {
        id: b.id,
        from: b.status,
        to: 'cancelled',
        release: true,
        step: { step: 'cancelled', note: `暂停开放：${c.reason}`, by: caller.id },
        now,
        messages: [
          progressMessage(
            services.config,
            { id: b.id, userId: b.user_id, resourceName: resource.name, centerName: resource.center_name, start: b.slot_start },
            'closed',
            `当天暂停开放（${c.reason}），预约已取消`,
            now,
          ),
        ],
      });
    }
  }
  return toResource(resource, await closedDatesOf(services.db, resource.id, shanghaiDay(now)));
});
