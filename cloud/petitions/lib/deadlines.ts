import { findWorkday } from 'chinese-days';
import { RESOLUTION_TARGET_WORKDAYS, type PetitionCategory } from '../../../types/petitions';
import { shanghaiDay } from '../../../types/time';

/**
 * Deadlines count working days on China's official calendar: public holidays are skipped
 * and make-up workdays (调休) count, from the maintained `chinese-days` data rather than
 * a hand-kept list. A deadline falls at the same wall-clock time, N working days later.
 */
export function workdaysAfter(from: Date, workdays: number): Date {
  const start = shanghaiDay(from);
  const day = workdayAfter(workdays, start);
  // The same wall-clock time on that day: Shanghai keeps one offset, so it is whole days later.
  return new Date(from.getTime() + (Date.parse(day) - Date.parse(start)));
}

// findWorkday walks the calendar from the day (~5% of a submission's CPU): each day's answer
// is kept, as the calendar data is fixed for the package's version. A few thousand keys at most.
const workdayMemo = new Map<string, string>();
function workdayAfter(workdays: number, day: string): string {
  const key = `${workdays}:${day}`;
  let found = workdayMemo.get(key);
  if (found === undefined) {
    if (workdayMemo.size >= 4096) workdayMemo.clear();
    workdayMemo.set(key, (found = findWorkday(workdays, day)));
  }
  return found;
}

/** Acceptance is due within one working day of submission. */
export function acceptDue(submittedAt: Date): Date {
  return workdaysAfter(submittedAt, 1);
}

export function resolveDue(acceptedAt: Date, category: PetitionCategory): Date {
  return workdaysAfter(acceptedAt, RESOLUTION_TARGET_WORKDAYS[category]);
}

/** Which deadline an open petition is past, if any, at `now` (a Date, or its ISO text when a list has it once). */
export function overdueFlag(
  p: { status: string; accept_due_at: string; resolve_due_at: string | null },
  now: Date | string,
): 'accept' | 'resolve' | null {
  const at = typeof now === 'string' ? now : now.toISOString();
  if (p.status === 'submitted' && at > p.accept_due_at) return 'accept';
  if ((p.status === 'accepted' || p.status === 'in_progress') && p.resolve_due_at && at > p.resolve_due_at) return 'resolve';
  return null;
}
