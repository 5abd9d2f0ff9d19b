import { HALL_STEPS, NO_SHOW_GRACE_MINUTES, bookingNext, type Booking, type HallStep } from '../../types/bookings-model';

/**
 * How far a booking has come and what may be done with it next, read from the tables in
 * types/bookings-model.ts (BOOKING_FLOW, HALL_STEPS) so that the labels here are the host's.
 */

/** The host refuses 未到 until then: the button is hidden rather than shown to fail. */
export const NO_SHOW_GRACE_MS = NO_SHOW_GRACE_MINUTES * 60_000;

/** The status a booking's card leads with: a hall matter's step says more than 已预约. */
export function headline(b: Pick<Booking, 'kind' | 'status' | 'statusText' | 'stepText'>): string {
  const live = b.status === 'approved' || b.status === 'checked_in';
  return b.kind === 'hall' && live && b.stepText ? b.stepText : b.statusText;
}

/**
 * The steps still ahead of a hall matter, following the first `next` of each step in
 * HALL_STEPS: booked → 已到场 → 受理中 → 已办结. A matter that was cancelled, missed or
 * refused has nothing ahead.
 */
export function stepsAhead(b: Pick<Booking, 'kind' | 'status' | 'step'>): Array<{ step: HallStep; text: string }> {
  if (b.kind !== 'hall' || !b.step) return [];
  if (b.status !== 'approved' && b.status !== 'checked_in' && b.status !== 'pending') return [];
  const ahead: Array<{ step: HallStep; text: string }> = [];
  let at: HallStep = b.step;
  // The table has no cycle along first choices; the bound only guards a future edit.
  for (let i = 0; i < Object.keys(HALL_STEPS).length; i++) {
    const next = HALL_STEPS[at].next[0] as HallStep | undefined;
    if (!next) break;
    ahead.push({ step: next, text: HALL_STEPS[next].text });
    at = next;
  }
  return ahead;
}

export interface StaffActions {
  checkIn: boolean;
  /** 未到 can be recorded now. */
  noShow: boolean;
  /** When 未到 becomes possible, for a booking not yet that late; else null. */
  noShowFrom: Date | null;
  /** A hall matter's next steps after arrival, in HALL_STEPS order. */
  steps: Array<{ step: HallStep; text: string }>;
}

/**
 * What the front desk may do with a booking now. Arrival is the check-in itself (for a
 * hall matter it is also the step 已到场), so it is not offered again as a step.
 */
export function staffActions(b: Pick<Booking, 'kind' | 'status' | 'step' | 'start'>, now: Date): StaffActions {
  const checkIn = bookingNext(b.status, 'checkIn') !== null;
  const noShowAllowed = bookingNext(b.status, 'markNoShow') !== null;
  const from = new Date(new Date(b.start).getTime() + NO_SHOW_GRACE_MS);
  const late = now.getTime() >= from.getTime();
  const steps =
    b.kind === 'hall' && b.status === 'checked_in' && b.step
      ? (HALL_STEPS[b.step].next as readonly HallStep[]).filter((s) => s !== 'arrived').map((s) => ({ step: s, text: HALL_STEPS[s].text }))
      : [];
  return {
    checkIn,
    noShow: noShowAllowed && late,
    noShowFrom: noShowAllowed && !late ? from : null,
    steps,
  };
}

/** The booking statuses that still hold a place, for marking the resident's own slots. */
export function holdsPlace(b: Pick<Booking, 'status'>): boolean {
  return b.status === 'pending' || b.status === 'approved';
}
