import type { SessionUser } from '../core/define-function';
import { DAY } from '../core/clock';
import { newToken, sha256 } from '../core/crypto';
import type { Services } from '../core/services';
import type { RoleGrant } from '../../types';
import type { ContentVersions } from '../storage/content-versions';
import { endSharedReads } from '../storage/dialect';
import { sessionCacheOf } from './session-cache';
import { callerVersion, findLiveCaller, insertSession } from './sessions.storage';

/**
 * Sessions are random tokens that only the client knows; the database keeps their sha256,
 * so a copy of the database signs nobody in.
 */
export async function startSession(services: Services, userId: string): Promise<string> {
  const token = newToken();
  const now = services.clock.now();
  await insertSession(services.db, {
    tokenHash: sha256(token),
    userId,
    now,
    expiresAt: new Date(now.getTime() + services.config.sessionDays * DAY),
  });
  return token;
}

/**
 * The user behind a token, or null when it is unknown, expired, revoked or its user deleted.
 * A caller seen in the last minute comes from this host's cache after one check of the
 * user's `auth_version`, which triggers bump on every revocation and grant change (migration
 * 019): the answer is the database's as of this request, on every host and whatever another
 * process committed before it. With `withContents`
 * that check also reads the lists' versions (`contents`), for a kept list the request serves.
 */
export async function resolveSession(services: Services, token: string, withContents = false): Promise<{ caller: SessionUser; contents?: ContentVersions } | null> {
  const sessionHash = sha256(token);
  const now = services.clock.now();
  const cache = sessionCacheOf(services.db);
  const cached = cache.get(sessionHash, now.getTime());
  if (cached) {
    const current = await callerVersion(services.db, cached.userId, withContents);
    if (current && current.live && current.authVersion === cached.authVersion && current.isResident === cached.isResident) {
      return { caller: toSessionUser(cached, sessionHash), contents: current.contents };
    }
    cache.forget(sessionHash);
  }
  // Read as the database is now, not in a read snapshot an earlier request began (SQLite's
  // shared reads): another process's revocation counts for every request after it.
  endSharedReads();
  const caller = await findLiveCaller(services.db, sessionHash, now);
  if (!caller) return null;
  cache.set(sessionHash, caller, now.getTime());
  return { caller: toSessionUser(caller, sessionHash) };
}

function toSessionUser(caller: { userId: string; isResident: boolean; grants: Array<{ role: string; scopeId: string }> }, sessionHash: string): SessionUser {
  // A copy of the grants: a handler that changed its caller's list must not change the cache.
  return { id: caller.userId, isResident: caller.isResident, grants: caller.grants.map((g) => ({ ...g })) as RoleGrant[], sessionHash };
}
