import type { RoleGrant } from '../../types';
import { administers, communitiesWhere, holdsRoleIn } from '../core/scope';

/**
 * Every access rule of honors (光荣榜, nominations, the thank-you wall), as pure functions
 * the handlers call: who (role, scope) and from which state. Read here first.
 */

type Place = { id: string; level: string };

/** Create, edit, fill and publish a list: the admins of its place (a district list: district admins). */
export function mayManageHonorList(grants: readonly RoleGrant[], place: Place): boolean {
  return administers(grants, place);
}

/** A list is read by everyone once published; before that only by those who manage it. */
export function mayReadHonorList(list: { published: number }, viewer: { grants: readonly RoleGrant[] } | null, place: Place): boolean {
  return list.published === 1 || (viewer !== null && mayManageHonorList(viewer.grants, place));
}

/** An entry is opened, liked and put on a poster only while its list is published. */
export function isPublicEntry(entry: { published: number }): boolean {
  return entry.published === 1;
}

/** Review a community's nominations and thank-you posts: that community's admins (and district admins). */
export function mayReviewFor(grants: readonly RoleGrant[], communityId: string): boolean {
  return holdsRoleIn(grants, ['communityAdmin'], communityId);
}

/** The communities whose review queues (nominations, thanks) a person sees; 'all' for a district admin. */
export function reviewCommunities(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}

/** A staff member can be thanked on a community's wall while they hold a role there (or the district's). */
export function mayBeThanked(staffGrants: readonly RoleGrant[], communityId: string): boolean {
  return staffGrants.some((g) => g.scopeId === communityId || g.role === 'districtAdmin');
}

/** Only a post on the wall (approved) can be reported; a pending, hidden or rejected one is not shown. */
export function mayReportThanks(post: { status: string }): boolean {
  return post.status === 'approved';
}

/** The places whose lists, published or not, the console lists for a person; 'all' for a district admin. */
export function managedListScopes(grants: readonly RoleGrant[]): string[] | 'all' {
  return communitiesWhere(grants, ['communityAdmin']);
}
