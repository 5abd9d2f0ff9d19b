import { findWorkday } from 'chinese-days';
import { RESOLUTION_TARGET_WORKDAYS, type PetitionCategory } from '../../../types/petitions';
import { inShanghai, shanghaiDay } from '../../../types/time';

/**
 * Deadlines count working days on China's official calendar: public holidays are skipped
 * and make-up workdays (调休) count, from the maintained `chinese-days` data rather than
 * a hand-kept list. A deadline falls at the same wall-clock time, N working days later.
 */
export function workdaysAfter(from: Date, workdays: number): Date {
  const day = findWorkday(workdays, shanghaiDay(from));
  const time = inShanghai(from).format('HH:mm:ss.SSS');
  return new Date(`${day}T${time}+08:00`);
}

/** Acceptance is due within one working day of submission. */
export function acceptDue(submittedAt: Date): Date {
  return workdaysAfter(submittedAt, 1);
}

export function resolveDue(acceptedAt: Date, category: PetitionCategory): Date {
  return workdaysAfter(acceptedAt, RESOLUTION_TARGET_WORKDAYS[category]);
}

export function overdueFlag(
  p: { status: string; accept_due_at: string; resolve_due_at: string | null },
  now: Date,
): 'accept' | 'resolve' | null {
  const at = now.toISOString();
  if (p.status === 'submitted' && at > p.accept_due_at) return 'accept';
  if ((p.status === 'accepted' || p.status === 'in_progress') && p.resolve_due_at && at > p.resolve_due_at) return 'resolve';
  return null;
}
