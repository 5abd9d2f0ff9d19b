import type { Resource, Slot, WeeklyHours } from '../../types/bookings-model';
import { inShanghai, shanghaiDay } from '../../types/time';

/**
 * Client-side reading of a resource's schedule: the days a resident can pick, the opening
 * hours in words, and what a slot's cell says. Pure functions of the resource and "now",
 * so the rules a resident sees are the ones the tests pin down. Whether a slot can really
 * be taken is always the host's answer (bookings.availability); nothing here guesses it.
 */

const WEEKDAY_TEXT = ['一', '二', '三', '四', '五', '六', '日'];

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date, whatever the device's zone. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface StripDay {
  date: string;
  /** 今天 / 明天 / 后天, else 3月7日 */
  label: string;
  /** 周六 */
  weekday: string;
  /** Set when the centre closed this day (holiday, repairs): the reason as the admin wrote it. */
  closedReason: string | null;
  /** False on a weekday without opening hours (the hall at weekends). */
  open: boolean;
  /** Slots still free that day (bookings.freeDays); null while not known. */
  free: number | null;
}

const NEAR_DAY_LABELS = ['今天', '明天', '后天'];

/**
 * The days a resident may pick: today through the resource's horizon (booking "14 days
 * ahead" reaches the end of the 14th day, as the host counts it), each with whether it is
 * closed and why. Closed and non-opening days stay in the strip, so that nobody wonders
 * where Saturday went.
 */
export function dateStrip(
  resource: Pick<Resource, 'daysAhead' | 'hours' | 'closedDates'>,
  now: Date,
  freeByDate: ReadonlyMap<string, number> = new Map(),
): StripDay[] {
  const today = shanghaiDay(now);
  const closed = new Map(resource.closedDates.map((c) => [c.date, c.reason]));
  const days: StripDay[] = [];
  for (let i = 0; i <= resource.daysAhead; i++) {
    const date = addDays(today, i);
    const weekday = isoWeekday(date);
    const [, month, day] = date.split('-').map(Number);
    days.push({
      date,
      label: NEAR_DAY_LABELS[i] ?? `${month}月${day}日`,
      weekday: `周${WEEKDAY_TEXT[weekday - 1]}`,
      closedReason: closed.get(date) ?? null,
      open: (resource.hours[String(weekday) as keyof WeeklyHours] ?? []).length > 0,
      free: freeByDate.get(date) ?? null,
    });
  }
  return days;
}

/** What a day's chip says under its date: why it cannot be booked, or nothing. */
export function dayNote(day: StripDay): string | null {
  if (day.closedReason) return '暂停开放';
  if (!day.open) return '不开放';
  if (day.free === 0) return '无空位';
  return null;
}

/**
 * The day the page opens on: the first with a free slot once those are known, else the
 * first open day. `moved` says the resident should be told why it is not today.
 */
export function openingDay(days: readonly StripDay[]): { day: StripDay | null; moved: boolean; noneFree: boolean } {
  const known = days.length > 0 && days.every((d) => d.free !== null);
  const firstOpen = days.find((d) => d.open && !d.closedReason) ?? days[0] ?? null;
  if (!known) return { day: firstOpen, moved: false, noneFree: false };
  const firstFree = days.find((d) => (d.free ?? 0) > 0);
  if (!firstFree) return { day: firstOpen, moved: false, noneFree: true };
  return { day: firstFree, moved: firstFree.date !== days[0]!.date, noneFree: false };
}

/** Adjacent ranges joined: the hall's 30-minute windows read as 08:30—12:00. */
export function mergeRanges(ranges: ReadonlyArray<{ start: string; end: string }>): Array<{ start: string; end: string }> {
  const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
  const merged: Array<{ start: string; end: string }> = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      if (r.end > last.end) last.end = r.end;
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}

/**
 * Opening hours in words, days with the same hours together:
 * 每天 08:00—21:00, or 周一至周五 08:30—12:00、14:30—17:30.
 */
export function describeHours(hours: WeeklyHours): string {
  const groups: Array<{ days: number[]; text: string }> = [];
  for (let d = 1; d <= 7; d++) {
    const ranges = mergeRanges(hours[String(d) as keyof WeeklyHours] ?? []);
    if (ranges.length === 0) continue;
    const text = ranges.map((r) => `${r.start}—${r.end}`).join('、');
    const last = groups[groups.length - 1];
    if (last && last.text === text && last.days[last.days.length - 1] === d - 1) last.days.push(d);
    else groups.push({ days: [d], text });
  }
  if (groups.length === 0) return '暂无开放时间';
  return groups
    .map(({ days, text }) => {
      const first = days[0]!;
      const lastDay = days[days.length - 1]!;
      const when =
        days.length === 7
          ? '每天'
          : days.length === 1
            ? `周${WEEKDAY_TEXT[first - 1]}`
            : `周${WEEKDAY_TEXT[first - 1]}至周${WEEKDAY_TEXT[lastDay - 1]}`;
      return `${when} ${text}`;
    })
    .join('；');
}

/** 09:00—10:00 */
export function slotTime(slot: Pick<Slot, 'start' | 'end'>): string {
  return `${inShanghai(slot.start).format('HH:mm')}—${inShanghai(slot.end).format('HH:mm')}`;
}

export interface SlotCell {
  time: string;
  /** 可预约 / 剩2个 / the host's reason / 您已预约 */
  note: string;
  state: 'free' | 'mine' | 'unavailable';
}

/**
 * One cell of the slot grid. A window of several places says how many are left; a slot
 * the resident already holds says so rather than 已被预约, which would read as someone
 * else's.
 */
export function slotCell(slot: Slot, mineStarts: ReadonlySet<number>): SlotCell {
  const time = slotTime(slot);
  if (mineStarts.has(new Date(slot.start).getTime())) return { time, note: '您已预约', state: 'mine' };
  if (!slot.bookable) return { time, note: slot.reason ?? '不可预约', state: 'unavailable' };
  return { time, note: slot.size > 1 ? `剩${slot.left}个名额` : '可预约', state: 'free' };
}
