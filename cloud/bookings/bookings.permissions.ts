import { AppError, type RoleGrant } from '../../types';
import { bookingNext, NO_SHOW_GRACE_MINUTES, type BookingStatus } from '../../types/bookings';
import { DAY, MINUTE } from '../core/clock';
import { communitiesWhere, holdsRoleIn } from '../core/scope';

/**
 * Every access rule of bookings, as pure functions the handlers and the views call: who
 * (role, owner), until when (time window) and from which state. Read here first.
 */

/** Front-desk work (today's list, arrival, no-show, hall steps): the community's staff. */
export function mayWorkBookings(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['gridWorker', 'agent', 'communityAdmin'], communityId);
}

/** Approving, rejecting, and setting up rooms and hall items: the community's admins. */
export function mayAdministerBookings(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['communityAdmin'], communityId);
}

/** Who may open a booking as `who`: its owner, the community's staff, or its admins. */
export function mayReachBooking(viewer: { id: string; grants: readonly RoleGrant[] }, booking: { user_id: string; community_id: string }, who: 'owner' | 'staff' | 'admin'): boolean {
  if (who === 'owner') return booking.user_id === viewer.id;
  if (who === 'staff') return mayWorkBookings(viewer.grants, booking.community_id);
  return mayAdministerBookings(viewer.grants, booking.community_id);
}

export interface BookingFacts {
  user_id: string;
  status: string;
  step: string | null;
  slot_start: string;
}

/**
 * Who may cancel or move a booking, and until when — the whole rule:
 * - only the resident who made it (staff reject it or mark 未到 instead; anyone else gets
 *   NOT_FOUND, so its existence stays hidden);
 * - only from a status whose row in BOOKING_FLOW has the action (待审核, 已预约);
 * - only before the resource's cut-off (`cancelCutoffMinutes` before the start);
 * - a hall matter only until staff start on it (step 已预约).
 * Returns the refusal, or null when the change is allowed.
 *
 * @example if (residentChangeRefusal('cancel', caller, row, resource.cancel_cutoff_minutes, now)) …
 */
export function residentChangeRefusal(action: 'cancel' | 'reschedule', viewer: { id: string }, b: BookingFacts, cancelCutoffMinutes: number, now: Date): AppError | null {
  switch (residentChangeBlock(action, viewer, b, cancelCutoffMinutes, now)) {
    case null:
      return null;
    case 'notOwner':
      return new AppError('NOT_FOUND');
    case 'cutoff':
      return new AppError('BOOKING_CANCEL_CUTOFF');
    case 'status':
      return new AppError('BOOKING_NOT_ALLOWED_NOW');
    case 'inProgress':
      return new AppError('BOOKING_NOT_ALLOWED_NOW', action === 'cancel' ? '事项已在办理中，不能取消' : '事项已在办理中，不能改期');
  }
}

/**
 * Whether the owner may cancel or move the booking now: `residentChangeRefusal`'s rule for a
 * view's buttons, which asks it of every row of a list (no error object made for each refusal,
 * stack and all, as a past page's 50 rows would make 100).
 */
export function residentMayChange(action: 'cancel' | 'reschedule', viewer: { id: string }, b: BookingFacts, cancelCutoffMinutes: number, now: Date): boolean {
  return residentChangeBlock(action, viewer, b, cancelCutoffMinutes, now) === null;
}

/** The rule itself, its refusal named. */
function residentChangeBlock(
  action: 'cancel' | 'reschedule',
  viewer: { id: string },
  b: BookingFacts,
  cancelCutoffMinutes: number,
  now: Date,
): 'notOwner' | 'cutoff' | 'status' | 'inProgress' | null {
  if (b.user_id !== viewer.id) return 'notOwner';
  if (now.getTime() >= new Date(b.slot_start).getTime() - cancelCutoffMinutes * MINUTE) return 'cutoff';
  if (!bookingNext(b.status as BookingStatus, action)) return 'status';
  if (b.step && b.step !== 'booked') return 'inProgress';
  return null;
}

/** The communities whose front desk (today's list) a person works; 'all' for a district admin. */
export function bookingDeskCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['gridWorker', 'agent', 'communityAdmin']);
}

/** The communities whose approvals and rooms a person administers; 'all' for a district admin. */
export function bookingAdminCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}

/** Staff may call a booking 未到 only once its start is NO_SHOW_GRACE_MINUTES (15) behind. */
export const NO_SHOW_GRACE = NO_SHOW_GRACE_MINUTES * MINUTE;

export function mayMarkNoShow(b: { slot_start: string }, now: Date): boolean {
  return now.getTime() >= new Date(b.slot_start).getTime() + NO_SHOW_GRACE;
}

/** Three no-shows within 30 days stop a resident booking rooms for 14 days (a hall matter is still taken). */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW = 30 * DAY;
export const SUSPENSION = 14 * DAY;

/** Whether this many room no-shows within NO_SHOW_WINDOW suspend the resident. */
export function suspendsAfterNoShows(kind: string, noShowsInWindow: number): boolean {
  return kind === 'room' && noShowsInWindow >= NO_SHOW_LIMIT;
}
