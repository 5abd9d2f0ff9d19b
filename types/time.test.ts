import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatDay, formatFullDateTime, shanghaiDay } from './time';

dayjs.extend(utc);

describe('a stored calendar date, as a grid worker reads it', () => {
  it('is the same day with its weekday, wherever the phone’s clock is set', () => {
    expect(formatDay('2026-11-29')).toBe('11月29日 周日');
    expect(formatDay('2026-12-01')).toBe('12月1日 周二');
  });
});

describe('a moment as Shanghai sees it, computed without dayjs', () => {
  it('is the day and the wall clock dayjs gives, for every kind of input, around midnight and the turn of a year', () => {
    const viaDayjs = (d: Date | string | number, f: string) => dayjs(d).utcOffset(480).format(f);
    const moments = [Date.UTC(2026, 11, 31, 15, 59, 59, 999), Date.UTC(2026, 11, 31, 16), Date.UTC(2024, 1, 28, 16, 30), Date.UTC(1999, 0, 1, 0, 5), 0];
    for (let k = 0; k < 500; k++) moments.push(Date.UTC(2026, 0, 1) + k * 7_919_993);
    for (const ms of moments) {
      for (const input of [ms, new Date(ms), new Date(ms).toISOString()]) {
        expect(shanghaiDay(input)).toBe(viaDayjs(input, 'YYYY-MM-DD'));
        expect(formatFullDateTime(input)).toBe(viaDayjs(input, 'YYYY年M月D日 HH:mm'));
      }
    }
    // What only dayjs reads the same way still goes through it: a local-time string, an invalid date.
    expect(shanghaiDay('2026-03-22T09:00:00+08:00')).toBe('2026-03-22');
    expect(shanghaiDay(new Date(NaN))).toBe(viaDayjs(new Date(NaN), 'YYYY-MM-DD'));
  });
});
