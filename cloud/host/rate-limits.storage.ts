import type { Db } from '../storage/dialect';

/**
 * Counts the hits of several keys, each in its fixed window shared by every host, in ONE
 * upsert: `hits` of a key at once (a key with no row, or whose window has ended, starts a new
 * one with them). Answers each key's total after its hits and when its window ends. Keys are
 * written in order (two hosts never lock each other's rows in a cycle); at most
 * RATE_FLUSH_ROWS keys a call, each key once.
 */
export async function hitRateWindows(
  db: Db,
  rows: ReadonlyArray<{ key: string; hits: number; windowMs: number }>,
  nowMs: number,
): Promise<Map<string, { hits: number; resetAt: number }>> {
  if (rows.length === 0) return new Map();
  if (rows.length > RATE_FLUSH_ROWS) throw new Error(`at most ${RATE_FLUSH_ROWS} keys a statement`);
  const sorted = [...rows].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  // Built per call (the row count varies); it runs once per turn of the loop, not per request.
  const result = await db
    .insertInto('rate_limits')
    .values(sorted.map((r) => ({ key: r.key, hits: r.hits, reset_at: nowMs + r.windowMs })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb.case().when('rate_limits.reset_at', '<=', nowMs).then(eb.ref('excluded.hits')).else(eb('rate_limits.hits', '+', eb.ref('excluded.hits'))).end(),
        reset_at: eb.case().when('rate_limits.reset_at', '<=', nowMs).then(eb.ref('excluded.reset_at')).else(eb.ref('rate_limits.reset_at')).end(),
      })),
    )
    .returning(['key', 'hits', 'reset_at'])
    .execute();
  return new Map(result.map((r) => [r.key, { hits: Number(r.hits), resetAt: Number(r.reset_at) }]));
}

/** Rows of one flush statement at most: 3 parameters a row stays far below both databases' limits. */
export const RATE_FLUSH_ROWS = 1_000;

/**
 * Adds several keys' hits counted on this host to the shared windows in ONE upsert, and
 * answers each key's shared total and reset time after it. A key's `resetAt` is the end of
 * the window the hits were counted in: it starts the window when the key has no row or its
 * row's window has ended (as `hitRateWindow` does), else the row's own window is kept.
 * At most RATE_FLUSH_ROWS keys a call.
 */
export async function addRateHits(
  db: Db,
  rows: ReadonlyArray<{ key: string; hits: number; resetAt: number }>,
  nowMs: number,
): Promise<Array<{ key: string; hits: number; resetAt: number }>> {
  if (rows.length === 0) return [];
  if (rows.length > RATE_FLUSH_ROWS) throw new Error(`at most ${RATE_FLUSH_ROWS} keys a flush`);
  // Built per call (the row count varies); it runs once per flush interval, not per request.
  const result = await db
    .insertInto('rate_limits')
    .values(rows.map((r) => ({ key: r.key, hits: r.hits, reset_at: r.resetAt })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        // Hits of the row's own window are added; a row whose window has ended starts theirs;
        // a row already in a later window (another host started it meanwhile) keeps its count.
        hits: eb
          .case()
          .when('rate_limits.reset_at', '=', eb.ref('excluded.reset_at'))
          .then(eb('rate_limits.hits', '+', eb.ref('excluded.hits')))
          .when('rate_limits.reset_at', '<=', nowMs)
          .then(eb.ref('excluded.hits'))
          .else(eb.ref('rate_limits.hits'))
          .end(),
        reset_at: eb.case().when('rate_limits.reset_at', '<=', nowMs).then(eb.ref('excluded.reset_at')).else(eb.ref('rate_limits.reset_at')).end(),
      })),
    )
    .returning(['key', 'hits', 'reset_at'])
    .execute();
  return result.map((r) => ({ key: r.key, hits: Number(r.hits), resetAt: Number(r.reset_at) }));
}

/** A key's shared window as stored (its hits so far and when it ends), if it has one. */
export async function readRateWindow(db: Db, key: string): Promise<{ hits: number; resetAt: number } | undefined> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'reset_at']).where('key', '=', key).executeTakeFirst();
  return row && { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}
