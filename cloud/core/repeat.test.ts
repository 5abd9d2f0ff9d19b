import { decodeCursor, pageOf } from './cursor';
import { repeatEvery } from './repeat';

/** Resolves once `check` holds, looking every few milliseconds (no timing is asserted). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe('repeatEvery (the outbox worker and the scheduler run on it)', () => {
  it('never starts a run while the last one is still going, however short the period', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const loop = repeatEvery(1, async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 15));
      active -= 1;
      runs += 1;
    });
    await until(() => runs >= 3);
    await loop.stop();
    expect(most).toBe(1);
  });

  it('goes on after a run that fails, and tells onError what failed', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = repeatEvery(
      1,
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('数据库暂时不可用');
      },
      (error) => errors.push(error),
    );
    await until(() => runs >= 3);
    await loop.stop();
    expect(errors).toEqual([new Error('数据库暂时不可用')]);
  });

  it('on stop, tells the run under way to stop and waits for it to finish', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = false;
    let finished = false;
    let toldToStop = false;
    const loop = repeatEvery(1, async (stopping) => {
      if (started) return;
      started = true;
      await gate;
      toldToStop = stopping();
      finished = true;
    });
    await until(() => started);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect(finished).toBe(true);
    expect(toldToStop).toBe(true);
  });
});

describe('pageOf', () => {
  const rows = [
    { at: '2026-11-03', id: 'c' },
    { at: '2026-11-02', id: 'b' },
    { at: '2026-11-01', id: 'a' },
  ];

  it('keeps the extra row out of the page and points the cursor at the last row shown', () => {
    const page = pageOf(rows, 2, (r) => [r.at, r.id], (r) => r.id);
    expect(page.items).toEqual(['c', 'b']);
    expect(decodeCursor(page.nextCursor!, ['string', 'string'])).toEqual(['2026-11-02', 'b']);
  });

  it('gives no cursor when nothing follows', () => {
    expect(pageOf(rows, 3, (r) => [r.at, r.id], (r) => r.id)).toEqual({ items: ['c', 'b', 'a'], nextCursor: null });
  });
});
