import { sql } from 'kysely';
import type { Db } from '../storage/dialect';

/**
 * Claims one password try for (account, client) in one statement, before the password is
 * checked: the row's count goes up unless the pair is locked, and the statement says which.
 * Concurrent tries queue on the row (PostgreSQL's row lock, SQLite's single writer), so N
 * concurrent guesses cost N tries and only the first `every` of a window are checked.
 * The try that reaches a multiple of `every` sets the lock, to the time given for that
 * round (`lockUntil(round)`: round 1 = 5th failure, 2 = 10th, …).
 */
export async function claimAttempt(
  db: Db,
  a: { account: string; client: string; now: Date; every: number; lockUntil: (round: number) => Date; rounds: number },
): Promise<{ allowed: true; failures: number; lockedNow: boolean } | { allowed: false }> {
  const now = a.now.toISOString();
  // Lock times for rounds 1…rounds; later rounds keep the last one. Passed as values so the
  // CASE reads the same on SQLite and PostgreSQL.
  const next = sql.ref('login_attempts.failures');
  const cases = Array.from({ length: a.rounds }, (_, i) => sql`WHEN ${next} + 1 = ${(i + 1) * a.every} THEN ${a.lockUntil(i + 1).toISOString()}`);
  const lockExpr = sql<string | null>`CASE ${sql.join(cases, sql` `)} WHEN (${next} + 1) % ${a.every} = 0 THEN ${a.lockUntil(a.rounds).toISOString()} ELSE NULL END`;
  const row = await db
    .insertInto('login_attempts')
    .values({ account: a.account, client: a.client, failures: 1, locked_until: a.every === 1 ? a.lockUntil(1).toISOString() : null, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['account', 'client'])
        .doUpdateSet({ failures: sql`${next} + 1`, locked_until: lockExpr, updated_at: now })
        .where((eb) => eb.or([eb('login_attempts.locked_until', 'is', null), eb('login_attempts.locked_until', '<=', now)])),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirst();
  if (!row) return { allowed: false };
  return { allowed: true, failures: Number(row.failures), lockedNow: row.locked_until !== null };
}

/** The pair's row as it stands (for the audit: was it locked before this try?). */
export async function attemptRow(db: Db, account: string, client: string) {
  return db.selectFrom('login_attempts').selectAll().where('account', '=', account).where('client', '=', client).executeTakeFirst();
}

/** Success: the pair starts from zero. Returns how many failures there had been. */
export async function releaseAttempts(db: Db, account: string, client: string): Promise<number> {
  const row = await db
    .deleteFrom('login_attempts')
    .where('account', '=', account)
    .where('client', '=', client)
    .returning('failures')
    .executeTakeFirst();
  return row ? Number(row.failures) : 0;
}

/**
 * Deletes the pairs whose last try was before `before` (ISO time), returning them so the
 * caller can audit the locks that ended unseen. One statement: a try landing meanwhile
 * either updated the row first (then it is newer and stays) or inserts a fresh one after.
 */
export async function deleteQuietAttempts(db: Db, before: string) {
  return db.deleteFrom('login_attempts').where('updated_at', '<', before).returning(['account', 'client', 'failures', 'locked_until']).execute();
}
