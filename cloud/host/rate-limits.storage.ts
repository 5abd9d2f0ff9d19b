import { compiledQuery } from '../storage/compiled-query';
import type { Db } from '../storage/dialect';

const hit = compiledQuery((db, p: { key: string; now: number; resetAt: number }) =>
  db
    .insertInto('rate_limits')
    .values({ key: p.key, hits: 1, reset_at: p.resetAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb.case().when('rate_limits.reset_at', '<=', p.now).then(1).else(eb('rate_limits.hits', '+', 1)).end(),
        reset_at: eb.case().when('rate_limits.reset_at', '<=', p.now).then(p.resetAt).else(eb.ref('rate_limits.reset_at')).end(),
      })),
    )
    .returning(['hits', 'reset_at']),
);

/**
 * Counts one hit in a fixed window shared by every host: one upsert (compiled once: it runs
 * on every function call when the counters live in the database) that starts a new window
 * when the old one has ended, and answers the count so far and when it resets.
 */
export async function hitRateWindow(db: Db, key: string, windowMs: number, nowMs: number): Promise<{ hits: number; resetAt: number }> {
  const row = await hit.takeFirst(db, { key, now: nowMs, resetAt: nowMs + windowMs });
  if (!row) throw new Error('rate window upsert returned no row');
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}
