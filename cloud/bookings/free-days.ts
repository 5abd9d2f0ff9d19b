import { freeDays } from '../../types/bookings';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { DAY } from '../core/clock';
import { defineFunction } from '../core/define-function';
import { activeResource, dayOf } from './availability';

/**
 * How many slots are still free on each day a resident may pick (today … the horizon), so
 * the page opens on the first day with a free slot and marks the days without any.
 */
export default defineFunction(freeDays, async (input, { services }) => {
  const resource = await activeResource(services, input.resourceId);
  const now = services.clock.now();
  const today = shanghaiDay(now);
  const days = [];
  for (let i = 0; i <= resource.days_ahead; i++) {
    const date = shanghaiDay(new Date(shanghaiTime(today, '12:00').getTime() + i * DAY));
    const { closedReason: closed, slots } = await dayOf(services, resource, date, now);
    days.push({ date, closedReason: closed, slots: slots.length, free: slots.filter((s) => s.bookable).length });
  }
  return { days };
});
