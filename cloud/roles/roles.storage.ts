import type { RoleGrant, StaffRole } from '../../types';
import type { Db } from '../storage/dialect';

export async function grantsOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('role_grants').select(['role', 'scope_id']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ role: r.role as StaffRole, scopeId: r.scope_id }));
}

/** Idempotent: granting a role someone already holds keeps the first grant. */
export async function insertGrant(
  db: Db,
  grant: { userId: string; role: StaffRole; scopeId: string; grantedBy: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('role_grants')
    .values({
      user_id: grant.userId,
      role: grant.role,
      scope_id: grant.scopeId,
      granted_by: grant.grantedBy,
      granted_at: grant.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_id']).doNothing())
    .execute();
}

export async function deleteGrant(db: Db, grant: { userId: string; role: StaffRole; scopeId: string }): Promise<boolean> {
  const result = await db
    .deleteFrom('role_grants')
    .where('user_id', '=', grant.userId)
    .where('role', '=', grant.role)
    .where('scope_id', '=', grant.scopeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface StaffRow {
  userId: string;
  nickname: string;
  role: StaffRole;
  scopeId: string;
  scopeName: string;
  grantedAt: string;
}

/** Staff grants in these places ('all' for the whole district); `wechatOnly` leaves console accounts out. */
export async function listGrants(db: Db, scopeIds: string[] | 'all', options: { wechatOnly?: boolean } = {}): Promise<StaffRow[]> {
  if (scopeIds !== 'all' && scopeIds.length === 0) return [];
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('regions as r', 'r.id', 'g.scope_id')
    .select(['g.user_id', 'u.nickname', 'g.role', 'g.scope_id', 'r.name as scope_name', 'g.granted_at'])
    .orderBy('r.sort')
    .orderBy('g.role')
    .orderBy('u.nickname');
  if (scopeIds !== 'all') q = q.where('g.scope_id', 'in', scopeIds);
  if (options.wechatOnly) q = q.where('u.openid', 'is not', null);
  const rows = await q.execute();
  return rows.map((r) => ({
    userId: r.user_id,
    nickname: r.nickname,
    role: r.role as StaffRole,
    scopeId: r.scope_id,
    scopeName: r.scope_name,
    grantedAt: r.granted_at,
  }));
}
