import type { Db } from '../storage/dialect';

/**
 * Counts one hit in a fixed window shared by every host: one upsert that starts a new
 * window when the old one has ended, and answers the count so far and when it resets.
 */
export async function hitRateWindow(db: Db, key: string, windowMs: number, nowMs: number): Promise<{ hits: number; resetAt: number }> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: nowMs + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb.case().when('rate_limits.reset_at', '<=', nowMs).then(1).else(eb('rate_limits.hits', '+', 1)).end(),
        reset_at: eb.case().when('rate_limits.reset_at', '<=', nowMs).then(nowMs + windowMs).else(eb.ref('rate_limits.reset_at')).end(),
      })),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}
