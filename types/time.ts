import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/**
 * Times are shown in Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact, and it needs no Intl time-zone data (which some
 * WeChat JS engines lack).
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export function inShanghai(date: Date | string | number) {
  return dayjs(date).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** 3月22日 09:00 */
export function formatDateTime(date: Date | string | number): string {
  return inShanghai(date).format('M月D日 HH:mm');
}

/**
 * The Shanghai wall clock of a moment as a Date read with its getUTC… methods, computed by
 * adding the fixed offset (no dayjs object: these run several times on every write that
 * books or files something). Null for what only dayjs reads the same way: a string without
 * a trailing Z (dayjs takes it as local time), an invalid moment, a year outside 1000–9999.
 */
function shanghaiClock(date: Date | string | number): Date | null {
  const ms = typeof date === 'number' ? date : date instanceof Date ? date.getTime() : /z$/i.test(date) ? Date.parse(date) : NaN;
  if (!Number.isFinite(ms)) return null;
  const clock = new Date(ms + SHANGHAI_OFFSET_MINUTES * 60_000);
  const year = clock.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? clock : null;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 2026年3月22日 09:00 — for messages that may be read long after. */
export function formatFullDateTime(date: Date | string | number): string {
  const c = shanghaiClock(date);
  if (!c) return inShanghai(date).format('YYYY年M月D日 HH:mm');
  return `${c.getUTCFullYear()}年${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${two(c.getUTCHours())}:${two(c.getUTCMinutes())}`;
}

/** 3月22日 周日 */
export function formatDate(date: Date | string | number): string {
  return inShanghai(date).format('M月D日 ddd');
}

/** 09:00—11:30, or across days 3月22日 09:00—3月23日 11:30 */
export function formatRange(start: Date | string | number, end: Date | string | number): string {
  const s = inShanghai(start);
  const e = inShanghai(end);
  return s.isSame(e, 'day') ? `${s.format('M月D日 ddd HH:mm')}—${e.format('HH:mm')}` : `${formatDateTime(start)}—${formatDateTime(end)}`;
}

/** The calendar date (YYYY-MM-DD) in Shanghai of a moment. */
export function shanghaiDay(date: Date | string | number): string {
  const c = shanghaiClock(date);
  return c ? c.toISOString().slice(0, 10) : inShanghai(date).format('YYYY-MM-DD');
}

/** The moment a Shanghai wall-clock time happens: ('2026-03-22', '09:30') → Date. */
export function shanghaiTime(day: string, time: string): Date {
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

/** 3月22日 周日, of a calendar date as stored ('2026-03-22'). */
export function formatDay(day: string): string {
  return formatDate(shanghaiTime(day, '12:00'));
}
