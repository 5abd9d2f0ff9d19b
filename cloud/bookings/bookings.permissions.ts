import type { RoleGrant } from '../../types';
import { holdsRoleIn } from '../core/scope';

/** Front-desk work (today's list, arrival, no-show, hall steps): the community's staff. */
export function mayWorkBookings(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['gridWorker', 'agent', 'communityAdmin'], communityId);
}

/** Approving, rejecting, and setting up rooms and hall items: the community's admins. */
export function mayAdministerBookings(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['communityAdmin'], communityId);
}
