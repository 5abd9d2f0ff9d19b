import type { ErrorName, RoleGrant } from '../../types';
import { eventStatus, type EventTiming } from '../../types/events';
import { administers, holdsRoleIn } from '../core/scope';

type Place = { id: string; level: string };

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
