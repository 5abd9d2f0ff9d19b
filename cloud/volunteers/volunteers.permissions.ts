import type { RoleGrant } from '../../types';
import { HOUR } from '../core/clock';
import { mayManageEvent, mayWorkEvent } from '../events/events.permissions';

type Place = { id: string; level: string };

/** Set the number of places and correct hours: the admins of the event's place. */
export function mayManageVolunteers(grants: readonly RoleGrant[], scope: Place): boolean {
  return mayManageEvent(grants, scope);
}

/** Scan volunteers in and out and read the roster: the staff who work the event. */
export function mayWorkVolunteers(grants: readonly RoleGrant[], scope: Place): boolean {
  return mayWorkEvent(grants, scope);
}

/** An event in these states keeps its number of volunteer places. */
export const PLACES_FIXED_STATES = ['cancelled', 'closed'] as const;

/** Change the number of places: while the event is neither cancelled nor closed. */
export function placesEditable(event: { state: string }): boolean {
  return !(PLACES_FIXED_STATES as readonly string[]).includes(event.state);
}

/** Scan a volunteer: one signed up (not stepped back) for an event not cancelled. */
export function mayScanVolunteer(event: { state: string }, volunteer: { status: string }): 'ok' | 'unknown' | 'cancelled' {
  if (volunteer.status !== 'confirmed') return 'unknown';
  return event.state === 'cancelled' ? 'cancelled' : 'ok';
}

/** Correct the minutes that count: only a volunteer still signed up. */
export function mayCorrectHours(volunteer: { status: string }): boolean {
  return volunteer.status === 'confirmed';
}

/** Volunteers arrive before residents do (setting up chairs, the sign-in desk). */
export const SCAN_OPENS_BEFORE_START = 2 * HOUR;
/** Clearing up, and a late second scan, are still on the day. */
export const SCAN_CLOSES_AFTER_END = 2 * HOUR;

export type ScanWindow = 'early' | 'open' | 'late';

/** Whether staff may scan a volunteer now, given the event's times. */
export function scanWindow(event: { startsAt: Date; endsAt: Date }, now: Date): ScanWindow {
  if (now.getTime() < event.startsAt.getTime() - SCAN_OPENS_BEFORE_START) return 'early';
  if (now.getTime() > event.endsAt.getTime() + SCAN_CLOSES_AFTER_END) return 'late';
  return 'open';
}

/** A resident may sign up or step back only before the event starts, and not once checked in. */
export function mayChangeVolunteering(event: { state: string; startsAt: Date }, volunteer: { checkedInAt: Date | null } | null, now: Date): boolean {
  return event.state === 'published' && now < event.startsAt && !volunteer?.checkedInAt;
}
