import { AppError } from '../../../types';
import type { EventsTable } from '../../storage/schema';
import { MINUTE } from '../../core/clock';

export interface EventSchedule {
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelCutoffAt: Date;
}

/**
 * Fills in the sign-up window (from now until the start, unless given) and the
 * cancellation cut-off, and refuses times that contradict each other.
 */
export function scheduleOf(
  input: { startsAt: Date; endsAt: Date; signupOpensAt?: Date; signupClosesAt?: Date; cancelCutoffMinutes: number },
  now: Date,
): EventSchedule {
  const signupOpensAt = input.signupOpensAt ?? now;
  const signupClosesAt = input.signupClosesAt ?? input.startsAt;
  const problems: Array<{ path: string; message: string }> = [];
  if (input.endsAt <= input.startsAt) problems.push({ path: 'endsAt', message: '结束时间要晚于开始时间' });
  if (signupClosesAt > input.startsAt) problems.push({ path: 'signupClosesAt', message: '报名截止不能晚于活动开始' });
  if (signupOpensAt >= signupClosesAt) problems.push({ path: 'signupOpensAt', message: '报名开始要早于报名截止' });
  if (problems.length) throw new AppError('EVENT_TIME_INVALID', problems[0]!.message, problems);
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    signupOpensAt,
    signupClosesAt,
    cancelCutoffAt: new Date(input.startsAt.getTime() - input.cancelCutoffMinutes * MINUTE),
  };
}

/** What an event is, as the create form (or a demo, or an import) gives it. */
export interface EventFields {
  id: string;
  scopeId: string;
  category: EventsTable['category'];
  title: string;
  description: string;
  organizer: string;
  partners: string[];
  venue: string;
  requiresSignup: boolean;
  capacity: number;
}

/**
 * A new event's row: its fields, its schedule, and where it stands. One builder for
 * events.create, the demo and the LeanCloud import, so a new column is filled everywhere.
 *
 * @example insertEvent(db, newEventRow(fields, scheduleOf(input, now), { state: 'draft', createdBy: caller.id, createdAt: now }))
 */
export function newEventRow(
  e: EventFields,
  s: EventSchedule,
  as: { state: EventsTable['state']; createdBy: string | null; createdAt: Date; updatedAt?: Date; attendance?: number | null; residentsServed?: number | null },
): Omit<EventsTable, 'volunteer_capacity' | 'volunteer_count'> {
  return {
    id: e.id,
    scope_id: e.scopeId,
    category: e.category,
    title: e.title,
    description: e.description,
    organizer: e.organizer,
    partners: JSON.stringify(e.partners),
    venue: e.venue,
    starts_at: s.startsAt.toISOString(),
    ends_at: s.endsAt.toISOString(),
    signup_opens_at: s.signupOpensAt.toISOString(),
    signup_closes_at: s.signupClosesAt.toISOString(),
    cancel_cutoff_at: s.cancelCutoffAt.toISOString(),
    requires_signup: e.requiresSignup ? 1 : 0,
    capacity: e.capacity,
    confirmed_count: 0,
    waitlist_seq: 0,
    state: as.state,
    cancel_reason: null,
    attendance: as.attendance ?? null,
    residents_served: as.residentsServed ?? null,
    created_by: as.createdBy,
    created_at: as.createdAt.toISOString(),
    updated_at: (as.updatedAt ?? as.createdAt).toISOString(),
  };
}
