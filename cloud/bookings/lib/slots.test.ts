import type { WeeklyHours } from '../../../types/bookings';
import { shanghaiTime } from '../../../types/time';
import { slotAt, slotsOfDay, type SlotShape } from './slots';

describe('the slot a booking asks for', () => {
  const hours: WeeklyHours = { '1': [{ start: '08:30', end: '11:45' }, { start: '14:00', end: '17:30' }], '3': [{ start: '09:00', end: '12:00' }], '6': [] };
  const shapes: SlotShape[] = [
    { kind: 'room', hours, slotMinutes: 15 },
    { kind: 'room', hours, slotMinutes: 45 },
    { kind: 'hall', hours, slotMinutes: 30 },
  ];

  it('is the one the day’s slots offer at that moment, or none: on the quarter hours, between them, at closing, on a closed day', () => {
    // A Monday, a Wednesday and a Saturday, every 5 minutes from 06:00 to 19:00 and a few odd moments.
    for (const day of ['2026-11-30', '2026-12-02', '2026-12-05']) {
      const moments = Array.from({ length: 157 }, (_, k) => shanghaiTime(day, '06:00').getTime() + k * 5 * 60_000);
      moments.push(shanghaiTime(day, '08:30').getTime() + 1, shanghaiTime(day, '17:30').getTime() - 60_000);
      for (const shape of shapes) {
        const offered = slotsOfDay(shape, day);
        for (const t of moments) {
          expect([shape.kind, shape.slotMinutes, new Date(t).toISOString(), slotAt(shape, new Date(t))]).toEqual([
            shape.kind,
            shape.slotMinutes,
            new Date(t).toISOString(),
            offered.find((s) => s.start.getTime() === t),
          ]);
        }
      }
    }
    expect(slotAt(shapes[0]!, shanghaiTime('2026-11-30', '11:30'))).toEqual({ start: shanghaiTime('2026-11-30', '11:30'), end: shanghaiTime('2026-11-30', '11:45') });
    expect(slotAt(shapes[1]!, shanghaiTime('2026-11-30', '11:30'))).toBeUndefined();
    expect(slotAt(shapes[2]!, shanghaiTime('2026-11-30', '14:00'))).toEqual({ start: shanghaiTime('2026-11-30', '14:00'), end: shanghaiTime('2026-11-30', '17:30') });
  });
});
