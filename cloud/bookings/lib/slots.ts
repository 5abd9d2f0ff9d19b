import type { WeeklyHours } from '../../../types/bookings';
import { shanghaiDay, shanghaiTime } from '../../../types/time';

export interface SlotShape {
  kind: string;
  hours: WeeklyHours;
  slotMinutes: number;
}

/** ISO weekday (1 = Monday) of a calendar date, whatever the time zone. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * The bookable slots of one day, in Shanghai time: a room's opening ranges cut into
 * slotMinutes pieces (a piece that would run past closing is not offered); a hall
 * item's windows as they are.
 */
export function slotsOfDay(resource: SlotShape, date: string): Array<{ start: Date; end: Date }> {
  const ranges = resource.hours[String(isoWeekday(date)) as keyof WeeklyHours] ?? [];
  const slots: Array<{ start: Date; end: Date }> = [];
  for (const range of ranges) {
    const open = shanghaiTime(date, range.start).getTime();
    const close = shanghaiTime(date, range.end).getTime();
    if (resource.kind === 'hall') {
      if (close > open) slots.push({ start: new Date(open), end: new Date(close) });
      continue;
    }
    const step = resource.slotMinutes * 60_000;
    for (let t = open; t + step <= close; t += step) slots.push({ start: new Date(t), end: new Date(t + step) });
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The slot that starts exactly at `start`, if the resource offers one. */
export function slotAt(resource: SlotShape, start: Date): { start: Date; end: Date } | undefined {
  // What `slotsOfDay(…).find(start)` answers, without cutting the whole day into slots: the
  // first range (in their order) that has a slot starting then.
  const date = shanghaiDay(start);
  const t = start.getTime();
  for (const range of resource.hours[String(isoWeekday(date)) as keyof WeeklyHours] ?? []) {
    const open = shanghaiTime(date, range.start).getTime();
    const close = shanghaiTime(date, range.end).getTime();
    if (resource.kind === 'hall') {
      if (close > open && t === open) return { start: new Date(open), end: new Date(close) };
      continue;
    }
    const step = resource.slotMinutes * 60_000;
    if (step > 0 && t >= open && (t - open) % step === 0 && t + step <= close) return { start: new Date(t), end: new Date(t + step) };
  }
  return undefined;
}

/** Monday 00:00 to next Monday 00:00 (Shanghai) around a moment: the quota's week. */
export function weekAround(at: Date): { from: Date; to: Date } {
  const day = shanghaiDay(at);
  const monday = new Date(`${day}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - (isoWeekday(day) - 1));
  const from = shanghaiTime(monday.toISOString().slice(0, 10), '00:00');
  return { from, to: new Date(from.getTime() + 7 * 24 * 3_600_000) };
}

/** Checks that ranges are well formed: start before end, no overlaps. */
export function hoursProblems(hours: WeeklyHours): string[] {
  const problems: string[] = [];
  for (const [weekday, ranges] of Object.entries(hours)) {
    const sorted = [...(ranges ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((r, i) => {
      if (r.start >= r.end) problems.push(`周${'一二三四五六日'[Number(weekday) - 1]} ${r.start}—${r.end}：结束要晚于开始`);
      const next = sorted[i + 1];
      if (next && next.start < r.end) problems.push(`周${'一二三四五六日'[Number(weekday) - 1]}的开放时段有重叠`);
    });
  }
  return problems;
}
