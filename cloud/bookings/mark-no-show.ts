import { AppError } from '../../types';
import { markNoShow } from '../../types/bookings';
import { formatDateTime } from '../../types/time';
import { defineFunction } from '../core/define-function';
import { enqueue } from '../notifications/outbox.storage';
import { actOnBooking, factsOf } from './lib/act-on-booking';
import { progressMessage } from './lib/booking-messages';
import { noShowsSince, suspend } from './bookings.storage';
import { bookingFor, viewBooking } from './lib/load-booking';
import { mayMarkNoShow, NO_SHOW_LIMIT, NO_SHOW_WINDOW, SUSPENSION, suspendsAfterNoShows } from './bookings.permissions';

export default defineFunction(markNoShow, async (input, { services, caller }) => {
  const row = await bookingFor(services, input.id, caller, 'staff');
  const now = services.clock.now();
  if (!mayMarkNoShow(row, now)) throw new AppError('BOOKING_NOSHOW_TOO_EARLY');
  await actOnBooking(services, row, 'markNoShow', { by: caller.id });
  if (row.kind === 'room' && suspendsAfterNoShows(row.kind, await noShowsSince(services.db, row.user_id, new Date(now.getTime() - NO_SHOW_WINDOW)))) {
    const until = new Date(now.getTime() + SUSPENSION);
    await suspend(services.db, row.user_id, until, `30天内${NO_SHOW_LIMIT}次预约未到`);
    await enqueue(services.db, [progressMessage(services.config, factsOf(row), 'suspended', `多次未到，${formatDateTime(until)}前暂停预约`, now)], now);
  }
  return viewBooking(services, row.id, true);
});
