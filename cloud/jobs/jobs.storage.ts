import { sql } from 'kysely';
import { isPostgres, type Db } from '../storage/dialect';

/**
 * Runs `work` only if this host wins the job's tick. On PostgreSQL the job first takes a
 * session advisory lock on a connection of its own, so a run that outlasts its tick never
 * overlaps the next one on another host (the lock goes with the connection if the host
 * dies); then, on both databases, a conditional upsert of `job_runs` lets exactly one host
 * record the tick. The work itself uses the ordinary pool.
 *
 * @example
 *   await runOncePerTick(db, { name: 'petitions.autoClose', tick: 29_123_456, holder }, () => closeStaleResolved(services));
 */
export async function runOncePerTick<T>(
  db: Db,
  job: { name: string; tick: number; holder: string; at: Date },
  work: () => Promise<T>,
): Promise<{ ran: false } | { ran: true; result: T }> {
  const claimTick = async (conn: Db) => {
    const result = await conn
      .insertInto('job_runs')
      .values({ name: job.name, tick: job.tick, ran_at: job.at.toISOString(), ran_by: job.holder })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ tick: job.tick, ran_at: job.at.toISOString(), ran_by: job.holder })
          .where('job_runs.tick', '<', job.tick),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  };
  if (!isPostgres(db)) {
    if (!(await claimTick(db))) return { ran: false };
    return { ran: true, result: await work() };
  }
  const lockName = `linli-job:${job.name}`;
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(hashtext(${lockName})) AS locked`.execute(conn);
    if (!rows[0]?.locked) return { ran: false as const };
    try {
      if (!(await claimTick(conn))) return { ran: false as const };
      return { ran: true as const, result: await work() };
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${lockName}))`.execute(conn);
    }
  });
}

/** Drops rate-limit windows that have ended. */
export async function deleteEndedRateWindows(db: Db, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('reset_at', '<', nowMs).executeTakeFirst();
  return Number(result.numDeletedRows);
}
