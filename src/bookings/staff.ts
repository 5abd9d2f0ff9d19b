import { STAFF_ROLES, type RoleGrant } from '../../types/access';

/**
 * Whether this user works the front desk of a community's bookings (today's list, 到场,
 * 未到, hall steps). Every staff role may (bookings.today's access rule); the host still
 * limits each to their own community.
 */
export function worksBookings(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role));
}
