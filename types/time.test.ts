import { formatDay } from './time';

describe('a stored calendar date, as a grid worker reads it', () => {
  it('is the same day with its weekday, wherever the phone’s clock is set', () => {
    expect(formatDay('2026-11-29')).toBe('11月29日 周日');
    expect(formatDay('2026-12-01')).toBe('12月1日 周二');
  });
});
