import type { RoleGrant } from '../../types';
import { administers, communitiesWhere } from '../core/scope';

/** A community's screens are set up by its admins (and district admins). */
export function mayManageScreens(grants: readonly RoleGrant[], communityId: string): boolean {
  return administers(grants, { id: communityId, level: 'community' });
}

export function screenCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
