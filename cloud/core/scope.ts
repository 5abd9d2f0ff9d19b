import type { RoleGrant, StaffRole } from '../../types';

/**
 * Whether the grants hold one of the roles in this community. districtAdmin is held for the
 * whole district and covers every community in it.
 */
export function holdsRoleIn(grants: readonly RoleGrant[], roles: readonly StaffRole[], communityId: string): boolean {
  return grants.some(
    (g) => g.role === 'districtAdmin' || (roles.includes(g.role) && g.scopeId === communityId),
  );
}

export function isDistrictAdmin(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === 'districtAdmin');
}

/** The communities in which the grants hold one of the roles; 'all' for a district admin. */
export function communitiesWhere(grants: readonly RoleGrant[], roles: readonly StaffRole[]): string[] | 'all' {
  if (isDistrictAdmin(grants)) return 'all';
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.scopeId))];
}

/**
 * Whether the grants administer a place: a community's own admins or any district admin;
 * a district-wide item (the place is the district) is the district admins' alone.
 */
export function administers(grants: readonly RoleGrant[], place: { id: string; level: string }): boolean {
  if (place.level === 'district') return isDistrictAdmin(grants);
  return place.level === 'community' && holdsRoleIn(grants, ['communityAdmin'], place.id);
}

/**
 * A list narrowed to one community the caller asked for, when it is among theirs: the
 * caller's communities (or 'all'), that one alone, or null when it is not theirs.
 *
 * @example narrowScope(['chaoyang'], 'kangle') // null: OUT_OF_SCOPE
 */
export function narrowScope(mine: string[] | 'all', requested: string | undefined): string[] | 'all' | null {
  if (!requested) return mine;
  return mine === 'all' || mine.includes(requested) ? [requested] : null;
}
