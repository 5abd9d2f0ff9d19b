import { FixedClock, MINUTE } from '../core/clock';
import type { Services } from '../core/services';
import { startTestLinli, type TestLinli } from '../testing/linli';
import { runOncePerTick } from './jobs.storage';
import { ANALYZE_EVERY_MS, runJobsOnce, SCHEDULED_JOBS, type ScheduledJob } from './scheduler';

/** Scheduled jobs on several hosts: one runner per job per tick. */
let linli: TestLinli;
beforeAll(async () => {
  linli = await startTestLinli();
});
afterAll(() => linli.stop());

const TICK = MINUTE;
const at = (clock: FixedClock): Services => ({ ...linli.services, clock });

describe('when every host ticks at once', () => {
  it('a job runs once per tick, whichever host wins, and again the next tick', async () => {
    let runs = 0;
    const jobs: ScheduledJob[] = [{ name: 'test.count', run: async () => void runs++ }];
    const clocks = [1, 2, 3].map(() => new FixedClock(linli.clock.now()));
    const ran = await Promise.all(clocks.map((c) => runJobsOnce(at(c), TICK, jobs)));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual(['test.count']);
    // Later in the same tick: nothing.
    clocks.forEach((c) => c.advance(1000));
    await Promise.all(clocks.map((c) => runJobsOnce(at(c), TICK, jobs)));
    expect(runs).toBe(1);
    clocks.forEach((c) => c.advance(TICK));
    await Promise.all(clocks.map((c) => runJobsOnce(at(c), TICK, jobs)));
    expect(runs).toBe(2);
  });

  it('a run that outlasts its tick is not overlapped by the next tick on another host', async () => {
    let running = 0;
    let overlapped = false;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs: ScheduledJob[] = [
      {
        name: 'test.slow',
        run: async () => {
          runs++;
          if (++running > 1) overlapped = true;
          if (runs === 1) await gate;
          running--;
        },
      },
    ];
    const first = new FixedClock(linli.clock.now());
    const slow = runJobsOnce(at(first), TICK, jobs);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = new FixedClock(new Date(linli.clock.now().getTime() + TICK));
    const second = await runJobsOnce(at(next), TICK, jobs);
    release();
    await slow;
    expect(overlapped).toBe(false);
    expect(second).toEqual([]);
    expect(runs).toBe(1);
  });
});

const onPostgres = process.env.LINLI_TEST_PG_URL ? it : it.skip;
describe('on PostgreSQL, across processes', () => {
  onPostgres('the advisory lock turns away another host while a run is under way, even for a later tick', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const now = linli.clock.now();
    const first = runOncePerTick(linli.services.db, { name: 'test.locked', tick: 1, holder: 'host-a', at: now }, () => gate);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await runOncePerTick(linli.services.db, { name: 'test.locked', tick: 2, holder: 'host-b', at: now }, async () => 'ran');
    release();
    expect(await first).toEqual({ ran: true, result: undefined });
    expect(second).toEqual({ ran: false });
    // Released: the next tick runs.
    expect(await runOncePerTick(linli.services.db, { name: 'test.locked', tick: 2, holder: 'host-b', at: now }, async () => 'ran')).toEqual({ ran: true, result: 'ran' });
  });
});

describe('a job with its own period (storage.analyze, every 6 hours)', () => {
  it('runs once in its period however many scheduler ticks pass, then again in the next', async () => {
    let runs = 0;
    const jobs: ScheduledJob[] = [{ name: 'test.sixHourly', run: async () => void runs++, everyMs: ANALYZE_EVERY_MS }];
    const clock = new FixedClock(new Date(Math.ceil(linli.clock.now().getTime() / ANALYZE_EVERY_MS) * ANALYZE_EVERY_MS));
    for (let minute = 0; minute < 10; minute++) {
      await runJobsOnce(at(clock), TICK, jobs);
      clock.advance(TICK);
    }
    expect(runs).toBe(1);
    clock.advance(ANALYZE_EVERY_MS);
    await runJobsOnce(at(clock), TICK, jobs);
    expect(runs).toBe(2);
  });

  it('is in SCHEDULED_JOBS, and its ANALYZE runs on the live database (PostgreSQL; a no-op on SQLite)', async () => {
    const job = SCHEDULED_JOBS.find((j) => j.name === 'storage.analyze');
    expect(job?.everyMs).toBe(ANALYZE_EVERY_MS);
    await job!.run(linli.services);
  });
});
