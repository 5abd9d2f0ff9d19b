import type { RoleGrant } from '../../types';
import { holdsRoleIn, isDistrictAdmin } from '../core/scope';

/**
 * Who may write an article of a scope: the admins of that community, or a district admin.
 * District-wide items (scope = the district) are the district admins' alone.
 */
export function mayEditArticle(grants: readonly RoleGrant[], scope: { id: string; level: string }): boolean {
  if (scope.level === 'district') return isDistrictAdmin(grants);
  return scope.level === 'community' && holdsRoleIn(grants, ['communityAdmin'], scope.id);
}
