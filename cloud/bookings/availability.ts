import { AppError } from '../../types';
import { availability } from '../../types/bookings';
import type { Slot } from '../../types/bookings-model';
import { shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import type { Services } from '../core/services';
import { SLOT_REASON_TEXT, slotProblem } from './lib/bookable';
import { closedReason, getResourceRow, heldPlaces } from './bookings.storage';
import { slotsOfDay } from './lib/slots';

type ResourceRow = NonNullable<Awaited<ReturnType<typeof getResourceRow>>>;

/** One day's slots of a resource as a resident may take them now, with what is left or why not. */
export async function dayOf(services: Services, resource: ResourceRow, date: string, now: Date): Promise<{ closedReason: string | null; slots: Slot[] }> {
  const closed = await closedReason(services.db, resource.id, date);
  const dayStart = shanghaiTime(date, '00:00');
  const held = await heldPlaces(services.db, resource.id, dayStart, new Date(dayStart.getTime() + DAY));
  const size = resource.kind === 'hall' ? resource.window_size : 1;
  const slots = slotsOfDay({ kind: resource.kind, hours: JSON.parse(resource.hours), slotMinutes: resource.slot_minutes }, date).map((slot) => {
    const left = Math.max(0, size - (held.get(slot.start.toISOString()) ?? 0));
    const problem = slotProblem(resource, slot.start, now, closed);
    const reason = problem ? SLOT_REASON_TEXT[problem]! : left === 0 ? (size === 1 ? '已被预约' : '已约满') : null;
    return { start: slot.start, end: slot.end, size, left, bookable: reason === null, reason };
  });
  return { closedReason: closed, slots };
}

export async function activeResource(services: Services, id: string): Promise<ResourceRow> {
  const resource = await getResourceRow(services.db, id);
  if (!resource || resource.active !== 1) throw new AppError('NOT_FOUND');
  return resource;
}

export default defineFunction(availability, async (input, { services }) => {
  const resource = await activeResource(services, input.resourceId);
  return { date: input.date, ...(await dayOf(services, resource, input.date, services.clock.now())) };
});

