import type { ErrorName, RoleGrant } from '../../types';
import { eventStatus, type EventTiming } from '../../types/events';
import { HOUR } from '../core/clock';
import { administers, communitiesWhere, holdsRoleIn } from '../core/scope';

type Place = { id: string; level: string };

/**
 * Every access rule of events, as pure functions the handlers call: who (role, scope, the
 * registrant), until when (sign-up, cancellation and check-in windows) and from which state
 * (EVENT_MOVES). Read here first.
 */

/** Create, change, cancel and close an event; remove a registrant. */
export function mayManageEvent(grants: readonly RoleGrant[], scope: Place): boolean {
  return administers(grants, scope);
}

/**
 * Check residents in and read the registrant list: the staff (grid workers, agents, admins)
 * of the event's community. A district-wide event may be worked by staff of any community.
 */
export function mayWorkEvent(grants: readonly RoleGrant[], scope: Place): boolean {
  const staffRoles = ['gridWorker', 'agent', 'communityAdmin'] as const;
  if (scope.level === 'district') return grants.some((g) => g.role === 'districtAdmin' || staffRoles.some((r) => r === g.role));
  return holdsRoleIn(grants, staffRoles, scope.id);
}

/**
 * The states an admin's command may start from: the event's state machine as data, read by
 * the handlers before they write and by the storage statement that writes (so a change
 * landing in between — a cancellation, a close — wins).
 */
export const EVENT_MOVES = {
  publish: ['draft', 'published'],
  edit: ['draft', 'published'],
  cancel: ['draft', 'published'],
  close: ['published', 'closed'],
} as const satisfies Record<string, readonly EventState[]>;
export type EventMove = keyof typeof EVENT_MOVES;
type EventState = 'draft' | 'published' | 'cancelled' | 'closed';

/** Whether `move` may start from `state`. */
export function mayMoveEvent(move: EventMove, state: string): boolean {
  return (EVENT_MOVES[move] as readonly string[]).includes(state);
}

/**
 * Whether an admin may still take a resident off an event's list: only while it is published
 * and has not begun. After the start the list is the record of who came (and moving someone
 * from the waitlist into an event under way or over would notify them for nothing).
 */
export function mayRemoveRegistrant(event: { state: string; startsAt: Date }, now: Date): boolean {
  return event.state === 'published' && now < event.startsAt;
}

/**
 * Why a resident may not sign up for an event now, or null when they may: cancelled,
 * no sign-up needed, not open yet, closed, started or over. A full event still takes
 * sign-ups (onto the waitlist). Checked before the sign-up and again inside its
 * transaction, so a cancellation that lands in between wins.
 */
export function signupRefusal(timing: EventTiming, now: Date): ErrorName | null {
  switch (eventStatus(timing, now)) {
    case 'cancelled':
      return 'EVENT_CANCELLED';
    case 'noSignup':
      return 'EVENT_NO_SIGNUP';
    case 'upcoming':
      return 'EVENT_SIGNUP_NOT_OPEN';
    case 'signupClosed':
    case 'ongoing':
    case 'ended':
      return 'EVENT_SIGNUP_CLOSED';
    default:
      return null;
  }
}

/** Who reads an event: anyone once published (also cancelled or closed); a draft only its admins. */
export function mayReadEvent(event: { state: string }, viewer: { grants: readonly RoleGrant[] } | null, scope: Place): boolean {
  return event.state !== 'draft' || (viewer !== null && mayManageEvent(viewer.grants, scope));
}

/** The events the console lists for a person: their communities' (all for a district admin). */
export function eventConsoleScopes(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}

/**
 * A resident steps back from an event (their own registration only) until its cancellation
 * cut-off; a registration already ended (cancelled, removed) can be "cancelled" again at
 * any time, which changes nothing.
 */
export function mayCancelRegistration(registration: { status: string }, event: { cancelCutoffAt: Date }, now: Date): boolean {
  const active = registration.status === 'confirmed' || registration.status === 'waitlisted';
  return !active || now < event.cancelCutoffAt;
}

/** Close an event (attendance, residents served): only once it has ended. */
export function hasEnded(event: { endsAt: Date }, now: Date): boolean {
  return now >= event.endsAt;
}

/** Staff may check residents in from an hour before the start until the end. */
export const CHECKIN_OPENS_BEFORE_START = HOUR;

/**
 * Why a registration cannot be checked in now, or null when it can: only a confirmed one,
 * once, from an hour before the start until the end of an event still on. (Which staff may
 * scan is mayWorkEvent.)
 */
export function checkInRefusal(
  registration: { status: string; checkedIn: boolean },
  event: { state: string; startsAt: Date; endsAt: Date },
  now: Date,
): 'CHECKIN_NOT_CONFIRMED' | 'CHECKIN_ALREADY' | 'CHECKIN_NOT_OPEN' | 'CHECKIN_CLOSED' | null {
  if (registration.status !== 'confirmed') return 'CHECKIN_NOT_CONFIRMED';
  if (registration.checkedIn) return 'CHECKIN_ALREADY';
  if (now.getTime() < event.startsAt.getTime() - CHECKIN_OPENS_BEFORE_START) return 'CHECKIN_NOT_OPEN';
  if (now >= event.endsAt || event.state !== 'published') return 'CHECKIN_CLOSED';
  return null;
}
