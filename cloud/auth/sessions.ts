import type { SessionUser } from '../core/define-function';
import { DAY } from '../core/clock';
import { newToken, sha256 } from '../core/crypto';
import type { Services } from '../core/services';
import { grantsOf } from '../roles/roles.storage';
import { getUser } from '../users/users.storage';
import { findLiveSession, insertSession } from './sessions.storage';

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
  const session = await findLiveSession(services.db, sessionHash, services.clock.now());
  if (!session) return null;
  const [user, grants] = await Promise.all([getUser(services.db, session.userId), grantsOf(services.db, session.userId)]);
  if (!user) return null;
  return { id: user.id, isResident: user.openid !== null, grants, sessionHash };
}
