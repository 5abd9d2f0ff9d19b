import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import { contentVersionColumns, versionsFrom, type ContentVersions } from '../storage/content-versions';
import { endSharedReads, isPostgres, type Db } from '../storage/dialect';
import { boundKeys, oneOfKeys, turnBatches } from '../storage/turn-batches';

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

/** A request's caller as the database has it now, with the version it was read at. */
export interface LiveCaller {
  userId: string;
  isResident: boolean;
  grants: Array<{ role: string; scopeId: string }>;
  expiresAt: string;
  /** `users.auth_version` in the same snapshot as the rest (migration 019). */
  authVersion: number;
}

const liveCallerRows = compiledQuery((db, p: { tokenHash: string; now: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('role_grants as g', 'g.user_id', 's.user_id')
    .select(['s.user_id', 's.expires_at', 'u.openid', 'u.auth_version', 'g.role', 'g.scope_id'])
    .where('s.token_hash', '=', p.tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', p.now)
    .where('u.deleted_at', 'is', null),
);

/**
 * Everything a request needs to know about its caller, in one statement: the live session,
 * whether its user is a resident, and the user's role grants as they are now (a LEFT JOIN:
 * one row per grant, one row with no grant for a resident). A host caches the answer and
 * checks it with `callerVersion` (cloud/auth/session-cache.ts).
 */

export async function findLiveCaller(db: Db, tokenHash: string, now: Date): Promise<LiveCaller | undefined> {
  const rows = await liveCallerRows.all(db, { tokenHash, now: now.toISOString() });
  const first = rows[0];
  if (!first) return undefined;
  return {
    userId: first.user_id,
    isResident: first.openid !== null,
    grants: rows.flatMap((r) => (r.role !== null && r.scope_id !== null ? [{ role: r.role, scopeId: r.scope_id }] : [])),
    expiresAt: first.expires_at,
    authVersion: Number(first.auth_version),
  };
}

/**
 * What a cached caller is checked against at each request: the user's row as the database has
 * it after the request arrived. Triggers bump `auth_version` whenever a session of the user is
 * revoked or a grant changes; deletion and the openid are read from the same row. With
 * `withContents` (a function that serves kept lists) the answer also has the lists' versions,
 * read by the same statement, so the kept list is checked without a statement of its own.
 *
 * The checks of the requests that arrived in one turn of the event loop are ONE statement
 * (cloud/storage/turn-batches.ts): on PostgreSQL a round trip a request was half of what a
 * signed function cost the host, and on SQLite a read transaction begun and ended a request
 * (docs/benchmarks.md, round 12).
 */
export async function callerVersion(db: Db, userId: string, withContents = false): Promise<CallerVersion | undefined> {
  return batchedCallerVersion(db, { userId, withContents });
}

export interface CallerVersion {
  authVersion: number;
  live: boolean;
  isResident: boolean;
  contents?: ContentVersions;
}

function toCallerVersion(
  row: { auth_version: unknown; deleted_at: string | null; openid: string | null; content_feed?: unknown; content_events?: unknown; content_shards?: unknown },
  withContents: boolean,
): CallerVersion {
  const version: CallerVersion = { authVersion: Number(row.auth_version), live: row.deleted_at === null, isResident: row.openid !== null };
  if (withContents) version.contents = versionsFrom(row as { content_feed: unknown; content_events: unknown; content_shards: unknown });
  return version;
}

/** The users' rows; with `withContents`, and the lists' versions (summed once for the statement). */
const versionRows = compiledShapes((withContents: boolean) =>
  compiledQuery((db, p: { userIds: unknown }) =>
    db
      .selectFrom('users')
      .select(['id', 'auth_version', 'deleted_at', 'openid'])
      .$if(withContents, (q) => q.select((eb) => contentVersionColumns(eb)))
      .where(oneOfKeys(db, 'id', p.userIds)),
  ),
);

const batchedCallerVersion = turnBatches(async (db, keys: ReadonlyArray<{ userId: string; withContents: boolean }>): Promise<Array<CallerVersion | undefined>> => {
  // SQLite: as the database is now, not in a read snapshot an earlier request began (shared
  // reads, cloud/storage/dialect.ts): another process's revocation counts for every request after it.
  if (!isPostgres(db)) endSharedReads();
  const rows = await versionRows(keys.some((k) => k.withContents)).all(db, { userIds: boundKeys(db, keys.map((k) => k.userId)) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => {
    const row = byId.get(k.userId);
    return row && toCallerVersion(row, k.withContents);
  });
});
