import { AppError } from '../../types';
import { saveResource } from '../../types/bookings';
import { shanghaiDay } from '../../types/time';
import { newId } from '../core/crypto';
import { defineFunction } from '../core/define-function';
import { toResource } from './lib/booking-view';
import { mayAdministerBookings } from './bookings.permissions';
import { closedDatesOf, getCenter, getResourceRow, saveResourceRow } from './bookings.storage';
import { hoursProblems } from './lib/slots';

export default defineFunction(saveResource, async (input, { services, caller }) => {
  const center = await getCenter(services.db, input.centerId);
  if (!center || !mayAdministerBookings(caller.grants, center.community_id)) throw new AppError('OUT_OF_SCOPE');
  if (input.id) {
    const existing = await getResourceRow(services.db, input.id);
    if (!existing || !mayAdministerBookings(caller.grants, existing.community_id)) throw new AppError('NOT_FOUND');
  }
  const problems = hoursProblems(input.hours);
  if (problems.length) throw new AppError('BOOKING_RESOURCE_INVALID', problems[0], problems.map((m) => ({ path: 'hours', message: m })));
  const id = input.id ?? newId();
  await saveResourceRow(services.db, {
    id,
    center_id: center.id,
    kind: input.kind,
    name: input.name,
    description: input.description,
    capacity: input.capacity,
    hours: JSON.stringify(input.hours),
    slot_minutes: input.slotMinutes,
    window_size: input.kind === 'hall' ? input.windowSize : 1,
    days_ahead: input.daysAhead,
    min_notice_minutes: input.minNoticeMinutes,
    cancel_cutoff_minutes: input.cancelCutoffMinutes,
    weekly_quota: input.weeklyQuota,
    requires_approval: input.requiresApproval ? 1 : 0,
    documents: JSON.stringify(input.documents),
    active: input.active ? 1 : 0,
    sort: 0,
  });
  const row = (await getResourceRow(services.db, id))!;
  return toResource(row, await closedDatesOf(services.db, id, shanghaiDay(services.clock.now())));
});
