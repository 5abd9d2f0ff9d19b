import dayjs from 'dayjs';
import type { DashboardStats } from '../../../../types/admin';

type Day = DashboardStats['daily'][number];

/**
 * Every day of the range, with zeros where the host had nothing: it reports only days
 * with records, and a line drawn straight across an empty week would tell a wrong story.
 */
export function everyDay(daily: readonly Day[], first: string, last: string): Day[] {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const days: Day[] = [];
  for (let d = dayjs(first); !d.isAfter(dayjs(last), 'day') && days.length < 400; d = d.add(1, 'day')) {
    const key = d.format('YYYY-MM-DD');
    days.push(byDay.get(key) ?? { day: key, petitionsReceived: 0, petitionsResolved: 0, eventsHeld: 0, bookings: 0 });
  }
  return days;
}
