import type { RoleGrant } from '../../types';
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
