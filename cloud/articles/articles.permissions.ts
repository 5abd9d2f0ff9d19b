import type { RoleGrant } from '../../types';
import { administers } from '../core/scope';

/** Who may write an article of a scope: that community's admins, or a district admin. */
export function mayEditArticle(grants: readonly RoleGrant[], scope: { id: string; level: string }): boolean {
  return administers(grants, scope);
}
