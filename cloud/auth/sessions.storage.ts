import { compiledQuery } from '../storage/compiled-query';
import { contentVersionColumns, versionsFrom, type ContentVersions } from '../storage/content-versions';
import { sql } from 'kysely';
import { isPostgres, type Db } from '../storage/dialect';
import { turnBatches } from '../storage/turn-batches';

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

const versionRow = compiledQuery((db, p: { userId: string }) =>
  db.selectFrom('users').select(['auth_version', 'deleted_at', 'openid']).where('id', '=', p.userId),
);
const versionRowWithContents = compiledQuery((db, p: { userId: string }) =>
  db
    .selectFrom('users')
    .select(['auth_version', 'deleted_at', 'openid'])
    .select((eb) => contentVersionColumns(eb))
    .where('id', '=', p.userId),
);

/**
 * What a cached caller is checked against at each request: one primary-key read of the
 * user. Triggers bump `auth_version` whenever a session of the user is revoked or a grant
 * changes; deletion and the openid are read from the same row. With `withContents` (a
 * function that serves kept lists) the same statement reads the lists' versions, so the kept
 * list is checked without a statement of its own (~10 µs more for PostgreSQL to sum them, so
 * only when asked). On PostgreSQL the checks of one turn's requests share one statement.
 */
export async function callerVersion(db: Db, userId: string, withContents = false): Promise<CallerVersion | undefined> {
  if (isPostgres(db)) return batchedCallerVersion(db, { userId, withContents });
  const row = await (withContents ? versionRowWithContents : versionRow).takeFirst(db, { userId });
  return row && toCallerVersion(row, withContents);
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

const versionRowsWithContents = compiledQuery((db, p: { userIds: string[] }) =>
  db
    .selectFrom('users')
    .select(['id', 'auth_version', 'deleted_at', 'openid'])
    .select((eb) => contentVersionColumns(eb))
    .where(sql<boolean>`id = any(${p.userIds}::text[])`),
);

/**
 * PostgreSQL: the checks of the requests that arrived in one turn of the event loop, in ONE
 * statement (cloud/storage/turn-batches.ts), with the lists' versions (summed once for the
 * statement) when any of them serves a kept list. A round trip a request was half of what a
 * signed function cost the host there (docs/benchmarks.md, round 12).
 */
const batchedCallerVersion = turnBatches(async (db, keys: ReadonlyArray<{ userId: string; withContents: boolean }>) => {
  const rows = await versionRowsWithContents.all(db, { userIds: [...new Set(keys.map((k) => k.userId))] });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => {
    const row = byId.get(k.userId);
    return row && toCallerVersion(row, k.withContents);
  });
});
