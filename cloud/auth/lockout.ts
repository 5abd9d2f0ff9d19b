import { AppError } from '../../types';
import { writeAudit } from '../audit/audit.storage';
import { MINUTE } from '../core/clock';
import { sha256 } from '../core/crypto';
import type { Services } from '../core/services';
import { attemptRow, claimAttempt, deleteQuietAttempts, releaseAttempts } from './lockout.storage';

/** Five wrong passwords from one address lock that address out of that account. */
export const LOCK_AFTER_FAILURES = 5;
/** The first lock; each further round of five doubles it, up to a day. */
export const FIRST_LOCK_MS = 15 * MINUTE;
const ROUNDS = 7; // 15 min · 2^6 = 16 h; the 8th round and later: 24 h
const MAX_LOCK_MS = 24 * 60 * MINUTE;
/**
 * How long a pair's count is remembered after its last try: the longest lock. A row is read
 * over at most this long (a lock ends within it, and the rounds grow only while tries keep
 * coming), so a pair quiet for a day starts again from zero and the table does not keep
 * every address that ever mistyped a password. The scheduled job `logins.forgetAttempts`
 * deletes older rows.
 */
export const ATTEMPTS_KEPT_MS = MAX_LOCK_MS;

export interface PasswordTry {
  /** The username tried, known or not. */
  username: string;
  /** The client address (the proxy's X-Forwarded-For when LINLI_TRUST_PROXY trusts it). */
  ip: string;
  /** The account, when the username is one: audit entries name it. */
  userId: string | null;
}

/**
 * Runs a password check under the lockout: the try is counted first (atomically, in the
 * database), refused without checking when the (account, address) pair is locked, and the
 * count released when the password was right. The lock is per address so that a stranger's
 * guesses cannot keep an admin out from the admin's own network; each lock and each unlock
 * goes to the audit log.
 *
 * @example await underLockout(services, { username, ip, userId }, () => verifyPassword(pw, hash))
 */
export async function underLockout(services: Services, t: PasswordTry, check: () => Promise<boolean>): Promise<boolean> {
  const account = t.username.trim().toLowerCase();
  const client = sha256(`client:${t.ip}`);
  const now = services.clock.now();
  const before = await attemptRow(services.db, account, client);
  const claim = await claimAttempt(services.db, {
    account,
    client,
    now,
    every: LOCK_AFTER_FAILURES,
    rounds: ROUNDS,
    lockUntil: (round) => new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** (round - 1), MAX_LOCK_MS)),
  });
  if (!claim.allowed) throw new AppError('ACCOUNT_LOCKED');
  if (before?.locked_until && before.locked_until <= now.toISOString()) {
    await audit(services, t, 'auth.unlock', { reason: 'expired', failures: before.failures });
  }
  if (claim.lockedNow) await audit(services, t, 'auth.lock', { failures: claim.failures });
  const ok = await check();
  if (ok) {
    const failures = await releaseAttempts(services.db, account, client);
    // The try itself was counted; a history of at least one lock is what this success ends.
    if (failures - 1 >= LOCK_AFTER_FAILURES) await audit(services, t, 'auth.unlock', { reason: 'passwordRight', failures: failures - 1 });
  }
  return ok;
}

/**
 * The scheduled clean-up: forgets the pairs with no try for ATTEMPTS_KEPT_MS. A pair still
 * marked locked had its lock end with no try since, so that unlock is audited here (the
 * next try would have audited it). Returns how many pairs were forgotten.
 */
export async function forgetQuietAttempts(services: Services): Promise<number> {
  const before = new Date(services.clock.now().getTime() - ATTEMPTS_KEPT_MS).toISOString();
  const gone = await deleteQuietAttempts(services.db, before);
  for (const row of gone) {
    if (!row.locked_until) continue;
    await writeAudit(services.db, {
      actor_id: null,
      action: 'auth.unlock',
      target_kind: 'account',
      target_id: null,
      scope_id: null,
      outcome: 'ok',
      detail: { reason: 'expired', failures: Number(row.failures), username: row.account, client: row.client.slice(0, 12) },
      at: services.clock.now(),
    });
  }
  return gone.length;
}

async function audit(services: Services, t: PasswordTry, action: 'auth.lock' | 'auth.unlock', detail: Record<string, unknown>) {
  await writeAudit(services.db, {
    actor_id: null,
    action,
    target_kind: 'account',
    target_id: t.userId,
    scope_id: null,
    outcome: 'ok',
    // The address as a hash: enough to tell two addresses apart, not to find a person.
    detail: { ...detail, username: t.username, client: sha256(`client:${t.ip}`).slice(0, 12) },
    at: services.clock.now(),
  });
}
