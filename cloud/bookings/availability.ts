import { AppError } from '../../types';
import { availability } from '../../types/bookings';
import { shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { SLOT_REASON_TEXT, slotProblem } from './lib/bookable';
import { closedReason, getResourceRow, heldPlaces } from './bookings.storage';
import { slotsOfDay } from './lib/slots';

export default defineFunction(availability, async (input, { services }) => {
  const resource = await getResourceRow(services.db, input.resourceId);
  if (!resource || resource.active !== 1) throw new AppError('NOT_FOUND');
  const now = services.clock.now();
  const closed = await closedReason(services.db, resource.id, input.date);
  const dayStart = shanghaiTime(input.date, '00:00');
  const held = await heldPlaces(services.db, resource.id, dayStart, new Date(dayStart.getTime() + DAY));
  const size = resource.kind === 'hall' ? resource.window_size : 1;
  const slots = slotsOfDay({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, input.date).map(
    (slot) => {
      const left = Math.max(0, size - (held.get(slot.start.toISOString()) ?? 0));
      const problem = slotProblem(resource, slot.start, now, closed);
      const reason = problem ? SLOT_REASON_TEXT[problem]! : left === 0 ? (size === 1 ? '已被预约' : '已约满') : null;
      return { start: slot.start, end: slot.end, size, left, bookable: reason === null, reason };
    },
  );
  return { date: input.date, closedReason: closed, slots };
});
