import type { SessionUser } from '../core/define-function';
import { DAY } from '../core/clock';
import { newToken, sha256 } from '../core/crypto';
import type { Services } from '../core/services';
import type { RoleGrant } from '../../types';
import { findLiveCaller, insertSession } from './sessions.storage';

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

/** The user behind a token, or null when it is unknown, expired, revoked or its user deleted. */
export async function resolveSession(services: Services, token: string): Promise<SessionUser | null> {
  const sessionHash = sha256(token);
  const caller = await findLiveCaller(services.db, sessionHash, services.clock.now());
  if (!caller) return null;
  return { id: caller.userId, isResident: caller.isResident, grants: caller.grants as RoleGrant[], sessionHash };
}
