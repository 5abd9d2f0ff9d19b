import crypto from 'node:crypto';
import os from 'node:os';
import type { Services } from '../core/services';
import { removeOldExports } from '../files/exports';
import { forgetQuietAttempts } from '../auth/lockout';
import { closeStaleResolved } from '../petitions/lib/close-stale';
import { runLiveCardsOnce } from '../grid/live-cards';
import { analyze } from '../storage/migrate';
import { isPostgres } from '../storage/dialect';
import { repeatEvery } from '../core/repeat';
import { deleteEndedRateWindows, runOncePerTick } from './jobs.storage';

export interface ScheduledJob {
  name: string;
  run(services: Services): Promise<unknown>;
  /** Runs once per this many milliseconds instead of once per scheduler tick. */
  everyMs?: number;
}

/**
 * PostgreSQL's autovacuum analyzes a table only after a share of it changed: a feed that
 * grows by a few hundred articles a day would be planned from old counts for weeks (issue
 * 18). SQLite's statistics are taken after migrations (storage/migrate.ts) and its planner
 * leans on the indexes' shape, not on counts.
 */
export const ANALYZE_EVERY_MS = 6 * 3_600_000;

/** Jobs that run on a timer, whichever host's timer fires first (reminders ride the outbox instead). */
export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: 'petitions.autoClose', run: closeStaleResolved },
  // 动态消息: coalesced to one update a minute per event inside the job itself.
  { name: 'grid.liveCards', run: runLiveCardsOnce },
  { name: 'files.removeOldExports', run: removeOldExports },
  { name: 'rateLimits.cleanUp', run: (s) => deleteEndedRateWindows(s.db, s.clock.now().getTime()) },
  // Console password tries quiet for longer than the longest lock (cloud/auth/lockout.ts).
  { name: 'logins.forgetAttempts', run: forgetQuietAttempts },
  { name: 'storage.analyze', run: (s) => (isPostgres(s.db) ? analyze(s.db) : Promise.resolve()), everyMs: ANALYZE_EVERY_MS },
];

const HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
/** Jobs running in this process: the advisory lock covers other hosts, this covers our own timers. */
const runningHere = new Set<string>();

/**
 * Runs every job once for the tick `now` falls in (ticks are `intervalMs` long), on at most
 * one host. Returns the names of the jobs this host ran.
 */
export async function runJobsOnce(services: Services, intervalMs: number, jobs = SCHEDULED_JOBS): Promise<string[]> {
  const now = services.clock.now();
  const ran: string[] = [];
  for (const job of jobs) {
    const tick = Math.floor(now.getTime() / Math.max(intervalMs, job.everyMs ?? 0));
    if (runningHere.has(job.name)) continue;
    runningHere.add(job.name);
    try {
      const outcome = await runOncePerTick(services.db, { name: job.name, tick, holder: HOLDER, at: now }, () => job.run(services));
      if (outcome.ran) ran.push(job.name);
    } catch (error) {
      services.log?.error({ err: error, job: job.name }, 'scheduled job failed');
    } finally {
      runningHere.delete(job.name);
    }
  }
  return ran;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(services: Services, intervalMs: number, jobs = SCHEDULED_JOBS): Scheduler {
  // Checked a few times a tick, so a tick is not missed when this host's timer drifts.
  return repeatEvery(Math.max(1000, Math.floor(intervalMs / 4)), () => runJobsOnce(services, intervalMs, jobs));
}
