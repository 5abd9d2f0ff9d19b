/**
 * Who may call a function. `resident` is every user who signed in through WeChat; the
 * staff roles are held in a community (网格员 gridWorker, 代办员 agent, 社区管理员
 * communityAdmin), and 区级管理员 districtAdmin is held for the whole district and covers
 * every community.
 */
export const ROLES = ['resident', 'gridWorker', 'agent', 'communityAdmin', 'districtAdmin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that are granted in a place rather than held by every WeChat user. */
export const STAFF_ROLES = ['gridWorker', 'agent', 'communityAdmin', 'districtAdmin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  gridWorker: '网格员',
  agent: '代办员',
  communityAdmin: '社区管理员',
  districtAdmin: '区级管理员',
};

export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

export const PUBLIC = { kind: 'public' } as const;
export const SIGNED_IN = { kind: 'signedIn' } as const;
export function rolesOnly<const R extends readonly Role[]>(...roles: R) {
  return { kind: 'roles', roles } as const;
}

/** A staff role held in a place: a community id, or the district id for districtAdmin. */
export interface RoleGrant {
  role: StaffRole;
  scopeId: string;
}

/** What the access rule needs to know about a caller. */
export interface Caller {
  isResident: boolean;
  grants: readonly RoleGrant[];
}

/** Whether this caller holds any role the rule names (in any place: scope is the domain's rule). */
export function accessAllows(access: Access, caller: Caller | null): boolean {
  if (access.kind === 'public') return true;
  if (!caller) return false;
  if (access.kind === 'signedIn') return true;
  return access.roles.some((role) =>
    role === 'resident' ? caller.isResident : caller.grants.some((g) => g.role === role),
  );
}

export function describeAccess(access: Access): string {
  if (access.kind === 'public') return '所有人（无需登录）';
  if (access.kind === 'signedIn') return '已登录用户';
  return access.roles.map((r) => ROLE_LABELS[r]).join('、');
}
