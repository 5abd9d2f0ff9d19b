import type { RoleGrant, StaffRole } from '../../types';
import { communitiesWhere, holdsRoleIn, isDistrictAdmin } from '../core/scope';

/**
 * Who may grant or revoke which role where. A district admin: any role, anywhere. A
 * community admin: gridWorker, agent or communityAdmin, in their own community only; never
 * districtAdmin.
 */
export function mayManageRole(
  actor: readonly RoleGrant[],
  target: { role: StaffRole; scopeId: string; scopeLevel: string | undefined },
): 'allowed' | 'out-of-scope' | 'role-not-grantable' {
  if (isDistrictAdmin(actor)) {
    const expectedLevel = target.role === 'districtAdmin' ? 'district' : 'community';
    return target.scopeLevel === expectedLevel ? 'allowed' : 'role-not-grantable';
  }
  if (target.role === 'districtAdmin') return 'role-not-grantable';
  if (target.scopeLevel !== 'community' || !holdsRoleIn(actor, ['communityAdmin'], target.scopeId)) return 'out-of-scope';
  return 'allowed';
}

/** Whose staff list a person reads: the staff of the communities they administer (all for a district admin). */
export function staffListCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
