import type { Db } from '../storage/dialect';

export async function insertSession(db: Db, row: { tokenHash: string; userId: string; now: Date; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      created_at: row.now.toISOString(),
      expires_at: row.expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Every session of the user, except one to keep (the one changing the password). */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keepTokenHash?: string): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
  await q.execute();
}

/**
 * Everything a request needs to know about its caller, in one statement: the live session,
 * whether its user is a resident, and the user's role grants as they are now (a LEFT JOIN:
 * one row per grant, one row with no grant for a resident). Read at every request, never
 * cached, so a logout, a revoked role or a deleted account counts at once on every host.
 */
export async function findLiveCaller(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; isResident: boolean; grants: Array<{ role: string; scopeId: string }> } | undefined> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('role_grants as g', 'g.user_id', 's.user_id')
    .select(['s.user_id', 'u.openid', 'g.role', 'g.scope_id'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('u.deleted_at', 'is', null)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    userId: first.user_id,
    isResident: first.openid !== null,
    grants: rows.flatMap((r) => (r.role !== null && r.scope_id !== null ? [{ role: r.role, scopeId: r.scope_id }] : [])),
  };
}
