import type { Slot, WeeklyHours } from '../../types/bookings-model';
import { addDays, dateStrip, dayNote, describeHours, mergeRanges, openingDay, slotCell } from './schedule';

const everyDay = (start: string, end: string): WeeklyHours =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]])) as WeeklyHours;

const hallWindows: WeeklyHours = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((d) => [
    d,
    [
      { start: '08:30', end: '09:00' },
      { start: '09:00', end: '09:30' },
      { start: '11:30', end: '12:00' },
      { start: '14:30', end: '15:00' },
      { start: '17:00', end: '17:30' },
    ],
  ]),
) as WeeklyHours;

describe('the date strip', () => {
  // Friday 2026-03-06, 23:30 in Shanghai, which is still Friday 15:30 in UTC.
  const lateFriday = new Date('2026-03-06T15:30:00Z');

  it('runs from today in Shanghai to the last day of the horizon, named the way people say it', () => {
    const days = dateStrip({ daysAhead: 3, hours: everyDay('08:00', '21:00'), closedDates: [] }, lateFriday);
    expect(days.map((d) => [d.date, d.label, d.weekday])).toEqual([
      ['2026-03-06', '今天', '周五'],
      ['2026-03-07', '明天', '周六'],
      ['2026-03-08', '后天', '周日'],
      ['2026-03-09', '3月9日', '周一'],
    ]);
  });

  it('takes the Shanghai date, not UTC, just after midnight', () => {
    const earlySaturday = new Date('2026-03-06T16:30:00Z'); // 00:30 Saturday in Shanghai
    expect(dateStrip({ daysAhead: 0, hours: {}, closedDates: [] }, earlySaturday)[0]!.date).toBe('2026-03-07');
  });

  it('keeps closed days and days without hours in the strip, saying why', () => {
    const days = dateStrip({ daysAhead: 3, hours: hallWindows, closedDates: [{ date: '2026-03-09', reason: '消防检查' }] }, lateFriday);
    expect(days.map((d) => dayNote(d))).toEqual([null, '不开放', '不开放', '暂停开放']);
    expect(days[3]!.closedReason).toBe('消防检查');
  });

  describe('when tonight has no free slot left', () => {
    const hours = everyDay('08:00', '21:00');
    it('opens on the first day that still has one, says it moved, and marks the days without', () => {
      const free = new Map([['2026-03-06', 0], ['2026-03-07', 0], ['2026-03-08', 5], ['2026-03-09', 13]]);
      const days = dateStrip({ daysAhead: 3, hours, closedDates: [] }, lateFriday, free);
      const { day, moved, noneFree } = openingDay(days);
      expect([day?.label, moved, noneFree]).toEqual(['后天', true, false]);
      expect(days.map((d) => dayNote(d))).toEqual(['无空位', '无空位', null, null]);
    });
    it('stays on today while the counts are not known yet, and says when no day has a free slot', () => {
      expect(openingDay(dateStrip({ daysAhead: 1, hours, closedDates: [] }, lateFriday))).toMatchObject({ moved: false, noneFree: false });
      const none = new Map([['2026-03-06', 0], ['2026-03-07', 0]]);
      const result = openingDay(dateStrip({ daysAhead: 1, hours, closedDates: [] }, lateFriday, none));
      expect([result.day?.label, result.moved, result.noneFree]).toEqual(['今天', false, true]);
    });
  });

  it('adds days across a month end', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});

describe('opening hours in words', () => {
  it('says 每天 when every day is the same', () => {
    expect(describeHours(everyDay('08:00', '21:00'))).toBe('每天 08:00—21:00');
  });

  it('joins the hall windows into morning and afternoon, weekdays together', () => {
    expect(describeHours(hallWindows)).toBe('周一至周五 08:30—09:30、11:30—12:00、14:30—15:00、17:00—17:30');
  });

  it('lists differing days apart', () => {
    const hours: WeeklyHours = { '1': [{ start: '09:00', end: '12:00' }], '2': [{ start: '09:00', end: '12:00' }], '6': [{ start: '14:00', end: '17:00' }] };
    expect(describeHours(hours)).toBe('周一至周二 09:00—12:00；周六 14:00—17:00');
  });

  it('merges adjacent and overlapping ranges only', () => {
    expect(
      mergeRanges([
        { start: '09:00', end: '09:30' },
        { start: '08:30', end: '09:00' },
        { start: '10:00', end: '11:00' },
        { start: '10:30', end: '10:45' },
      ]),
    ).toEqual([
      { start: '08:30', end: '09:30' },
      { start: '10:00', end: '11:00' },
    ]);
  });
});

describe('a slot cell', () => {
  const slot = (over: Partial<Slot>): Slot => ({
    start: new Date('2026-03-07T01:00:00Z'),
    end: new Date('2026-03-07T02:00:00Z'),
    size: 1,
    left: 1,
    bookable: true,
    reason: null,
    ...over,
  });

  it('shows Shanghai times and 可预约 for a free room slot', () => {
    expect(slotCell(slot({}), new Set())).toEqual({ time: '09:00—10:00', note: '可预约', state: 'free' });
  });

  it('says how many places a hall window has left', () => {
    expect(slotCell(slot({ size: 3, left: 2 }), new Set()).note).toBe('剩2个名额');
  });

  it("shows the host's reason for a slot that cannot be taken", () => {
    expect(slotCell(slot({ bookable: false, left: 0, reason: '已被预约' }), new Set())).toMatchObject({ note: '已被预约', state: 'unavailable' });
  });

  it("marks the resident's own booking as theirs, not as taken by someone", () => {
    const taken = slot({ bookable: false, left: 0, reason: '已被预约' });
    expect(slotCell(taken, new Set([taken.start.getTime()]))).toMatchObject({ note: '您已预约', state: 'mine' });
  });
});
