import { sql } from 'kysely';
import type { RoleGrant, StaffRole } from '../../types';
import { releaseAgentWork } from '../petitions/petitions.storage';
import { holdPerson } from './grant-hold.storage';
import type { Db } from '../storage/dialect';

export async function grantsOf(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom('role_grants').select(['role', 'scope_id']).where('user_id', '=', userId).execute();
  return rows.map((r) => ({ role: r.role as StaffRole, scopeId: r.scope_id }));
}

/** Idempotent: granting a role someone already holds keeps the first grant. */
export async function insertGrant(
  db: Db,
  grant: { userId: string; role: StaffRole; scopeId: string; grantedBy: string | null; now: Date },
): Promise<boolean> {
  // An insert-select from the account: an account deleted after the caller's check gets no
  // role (its deletion removed the grants it had; this one would outlive it).
  return db.transaction().execute(async (tx) => {
    await holdPerson(tx, grant.userId);
    await tx
      .insertInto('role_grants')
      .columns(['user_id', 'role', 'scope_id', 'granted_by', 'granted_at'])
      .expression((eb) =>
        eb
          .selectFrom('users as u')
          .select([
            'u.id as user_id',
            sql<string>`${grant.role}`.as('role'),
            sql<string>`${grant.scopeId}`.as('scope_id'),
            sql<string | null>`${grant.grantedBy}`.as('granted_by'),
            sql<string>`${grant.now.toISOString()}`.as('granted_at'),
          ])
          .where('u.id', '=', grant.userId)
          .where('u.deleted_at', 'is', null),
      )
      .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_id']).doNothing())
      .execute();
    const held = await tx.selectFrom('role_grants').select('user_id').where('user_id', '=', grant.userId).where('role', '=', grant.role).where('scope_id', '=', grant.scopeId).executeTakeFirst();
    return held !== undefined;
  });
}

/**
 * Revokes a grant, and in the same transaction ends what the role carried: an agent leaves
 * the community's duty roster and hands back their open petitions (releaseAgentWork). The
 * other roles carry no assigned work; what they may see is decided on the grants at each
 * request, so the grant's deletion ends it.
 */
export async function deleteGrant(
  db: Db,
  grant: { userId: string; role: StaffRole; scopeId: string },
  by: { userId: string; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .deleteFrom('role_grants')
      .where('user_id', '=', grant.userId)
      .where('role', '=', grant.role)
      .where('scope_id', '=', grant.scopeId)
      .executeTakeFirst();
    const revoked = Number(result.numDeletedRows) > 0;
    if (revoked && grant.role === 'agent') {
      await releaseAgentWork(tx, { agentId: grant.userId, communityId: grant.scopeId, by: by.userId, reason: 'roleRevoked', now: by.now });
    }
    return revoked;
  });
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

/** The grants these users hold, with each place's name. */
export async function grantsWithNames(
  db: Db,
  userIds: string[],
): Promise<Array<{ userId: string; role: StaffRole; scopeId: string; scopeName: string }>> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('regions as r', 'r.id', 'g.scope_id')
    .select(['g.user_id', 'g.role', 'g.scope_id', 'r.name'])
    .where('g.user_id', 'in', userIds)
    .orderBy('r.sort')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, role: r.role as StaffRole, scopeId: r.scope_id, scopeName: r.name }));
}
