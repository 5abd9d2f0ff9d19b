import type { RoleGrant } from '../../types';
import { communitiesWhere } from '../core/scope';

/**
 * Access rules of accounts. A person reads and changes only their own account (profile,
 * phone, invite code, deletion): every function acts on the caller's id and takes no other.
 * Finding other people is for admins, within their communities.
 */

/**
 * Where an admin may look for a person to appoint: residents of their own communities (all
 * for a district admin). An invite code finds its holder anywhere, since they showed it on
 * purpose; the grant itself is judged by roles.permissions.
 */
export function peopleSearchCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
