import { ERRORS } from '../../types';
import { auditEntries } from '../audit/audit.storage';
import { FixedClock, HOUR, MINUTE } from '../core/clock';
import type { Services } from '../core/services';
import { runJobsOnce, SCHEDULED_JOBS } from '../jobs/scheduler';
import { startTestLinli, type TestLinli } from '../testing/linli';
import { ATTEMPTS_KEPT_MS, LOCK_AFTER_FAILURES, underLockout } from './lockout';
import { attemptRow } from './lockout.storage';
import { sha256 } from '../core/crypto';

/** The console lockout's memory: rows of password tries are forgotten after a quiet day. */
let linli: TestLinli;
let clock: FixedClock;
let services: Services;
beforeAll(async () => {
  linli = await startTestLinli();
  clock = new FixedClock(new Date('2026-11-02T02:00:00Z'));
  services = { ...linli.services, clock };
});
afterAll(() => linli.stop());

const wrong = (username: string, ip: string) =>
  underLockout(services, { username, ip, userId: null }, async () => false).catch((e: { code?: number }) => e.code);
const row = (username: string, ip: string) => attemptRow(services.db, username, sha256(`client:${ip}`));
const forgetJob = SCHEDULED_JOBS.filter((j) => j.name === 'logins.forgetAttempts');

describe('when password tries have been quiet for longer than the longest lock', () => {
  it('the scheduled job deletes them, keeps the recent ones, and audits the lock that ended unseen', async () => {
    expect(forgetJob).toHaveLength(1);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await wrong('old-admin', '192.0.2.1');
    expect(await wrong('old-admin', '192.0.2.1')).toBe(ERRORS.ACCOUNT_LOCKED.code);
    await wrong('gone-mistype', '192.0.2.2');

    clock.advance(ATTEMPTS_KEPT_MS - HOUR);
    await wrong('recent-admin', '192.0.2.3');
    // Not yet a day since the first two: the job leaves everything.
    await runJobsOnce(services, MINUTE, forgetJob);
    expect(await row('old-admin', '192.0.2.1')).toBeDefined();

    clock.advance(HOUR + MINUTE);
    expect(await runJobsOnce(services, MINUTE, forgetJob)).toEqual(['logins.forgetAttempts']);
    expect(await row('old-admin', '192.0.2.1')).toBeUndefined();
    expect(await row('gone-mistype', '192.0.2.2')).toBeUndefined();
    expect((await row('recent-admin', '192.0.2.3'))?.failures).toBe(1);

    const unlocks = (await auditEntries(services.db, { targetKind: 'account', limit: 50 })).filter((e) => e.action === 'auth.unlock');
    expect(unlocks.map((e) => JSON.parse(String(e.detail)) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ reason: 'expired', username: 'old-admin', failures: LOCK_AFTER_FAILURES }),
    ]);
  });

  it('a forgotten pair starts again from zero; a pair still trying keeps its count and its lock', async () => {
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) expect(await wrong('old-admin', '192.0.2.1')).toBe(false);
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) await wrong('recent-admin', '192.0.2.3');
    expect(await wrong('recent-admin', '192.0.2.3')).toBe(ERRORS.ACCOUNT_LOCKED.code);
    clock.advance(MINUTE);
    await runJobsOnce(services, MINUTE, forgetJob);
    expect((await row('recent-admin', '192.0.2.3'))?.locked_until).not.toBeNull();
  });
});
