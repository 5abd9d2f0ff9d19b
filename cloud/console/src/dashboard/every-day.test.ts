import { everyDay } from './every-day';

describe('the daily chart of a date range', () => {
  it('has every day of the range, the host’s numbers on the days it reported and zeros between', () => {
    const days = everyDay(
      [
        { day: '2026-03-02', petitionsReceived: 2, petitionsResolved: 0, eventsHeld: 1, bookings: 0 },
        { day: '2026-03-05', petitionsReceived: 0, petitionsResolved: 1, eventsHeld: 0, bookings: 3 },
      ],
      '2026-03-01',
      '2026-03-05',
    );
    expect(days.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(days.map((d) => d.petitionsReceived)).toEqual([0, 2, 0, 0, 0]);
    expect(days.map((d) => d.bookings)).toEqual([0, 0, 0, 0, 3]);
  });

  it('crosses a month end', () => {
    expect(everyDay([], '2026-02-27', '2026-03-01').map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});
