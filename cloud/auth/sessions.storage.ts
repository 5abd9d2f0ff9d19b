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

/** The user id behind a live session: not revoked, not expired, user not deleted. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<{ userId: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.user_id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  return row && { userId: row.user_id };
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
