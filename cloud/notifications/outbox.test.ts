import { signIn, startTestLinli, type TestLinli } from '../testing/linli';
import { openidOf } from '../wechat/fake-server';
import { claimDue, enqueue, settle } from './outbox.storage';
import { payForMessage } from './subscriptions.storage';
import { runOutboxOnce, SENT_BEFORE_NOTE } from './worker';

/** Several hosts share one outbox: what one host took and never settled is not lost, and nothing goes out twice. */
let linli: TestLinli;
beforeAll(async () => {
  // 办理进度 as a 长期订阅 template: these tests are about leases, not about credits.
  linli = await startTestLinli({ LINLI_LONG_TERM_TEMPLATES: 'progress' });
});
afterAll(() => linli.stop());

const LEASE = 60_000; // config default
let serial = 0;
async function queue(persona: string, count = 1, template: 'progress' | 'eventResult' = 'progress', taps = 1): Promise<string> {
  const resident = await signIn(persona);
  for (let i = 0; i < taps; i++) await linli.subscribe(resident, persona, [template]);
  const tag = `lease-${++serial}`;
  await enqueue(
    linli.services.db,
    Array.from({ length: count }, (_, i) => ({
      dedupeKey: `${tag}:${i}`,
      userId: resident.userId!,
      template,
      page: null,
      data: { thing1: `${tag}:${i}`, time2: '2026年3月23日 10:00', thing3: '朝阳社区', thing4: '测试租约' },
      notBefore: linli.clock.now(),
    })),
    linli.clock.now(),
  );
  return tag;
}
const delivered = async (tag: string) => (await linli.sentMessages()).filter((m) => m.data.thing1!.value.startsWith(`${tag}:`));
const drain = async () => {
  while ((await runOutboxOnce(linli.services, 500)) > 0);
};

describe('when a host dies holding a message', () => {
  beforeEach(drain);

  it('another host sends it once the lease has run out, and only then', async () => {
    const tag = await queue('lease-a');
    const now = linli.clock.now();
    const taken = await claimDue(linli.services.db, { now, leaseUntil: new Date(now.getTime() + LEASE), holder: 'dead-host', limit: 10 });
    expect(taken.map((m) => m.status)).toEqual(['sending']);
    // The dead host never settles. Within its lease nobody else touches the message.
    expect(await runOutboxOnce(linli.services)).toBe(0);
    linli.clock.advance(LEASE + 1);
    expect(await runOutboxOnce(linli.services)).toBe(1);
    expect(await delivered(tag)).toHaveLength(1);
    // The dead host's late word changes nothing, and a message recorded as sent is never taken again.
    expect(await settle(linli.services.db, taken[0]!.id, 'dead-host', { status: 'pending', at: now })).toBe(false);
    linli.clock.advance(10 * LEASE);
    expect(await runOutboxOnce(linli.services)).toBe(0);
    expect(await delivered(tag)).toHaveLength(1);
    linli.clock.advance(-(11 * LEASE + 1));
  });

  it('a message that keeps being taken by dying hosts ends as failed instead of looping', async () => {
    const tag = await queue('lease-b');
    for (let i = 0; i < 6; i++) {
      const now = linli.clock.now();
      await claimDue(linli.services.db, { now, leaseUntil: new Date(now.getTime() + LEASE), holder: `dead-${i}`, limit: 10 });
      linli.clock.advance(LEASE + 1);
    }
    await linli.fake('/__fake/fail', { openid: openidOf('lease-b'), times: 1 });
    await runOutboxOnce(linli.services);
    const row = await linli.services.db.selectFrom('outbox').select(['status', 'attempts']).where('dedupe_key', '=', `${tag}:0`).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', attempts: 7 });
    linli.clock.advance(-6 * (LEASE + 1));
  });
});

describe('when a host dies after paying for a one-time message', () => {
  beforeEach(drain);

  /** The dead host's part: it takes the message and spends the resident's credit on it. */
  async function payAndDie(tag: string) {
    const now = linli.clock.now();
    const [message] = await claimDue(linli.services.db, { now, leaseUntil: new Date(now.getTime() + LEASE), holder: 'dead-host', limit: 10 });
    expect(message!.dedupe_key).toBe(`${tag}:0`);
    const bill = { messageId: message!.id, holder: 'dead-host', userId: message!.user_id, template: 'eventResult' as const };
    expect(await payForMessage(linli.services.db, bill, 'one-time')).toBe('credit');
    return message!;
  }
  const credits = async (persona: string) =>
    (
      await linli.services.db
        .selectFrom('subscriptions')
        .innerJoin('users', 'users.id', 'subscriptions.user_id')
        .select(['credits', 'last_choice'])
        .where('users.openid', '=', openidOf(persona))
        .where('template', '=', 'eventResult')
        .executeTakeFirstOrThrow()
    );

  it('the host taking over sends it on that payment, not on the resident\'s next credit', async () => {
    // Two accepted taps: one for this message, one left for the next.
    const tag = await queue('paid-a', 1, 'eventResult', 2);
    await payAndDie(tag);
    expect((await credits('paid-a')).credits).toBe(1);
    linli.clock.advance(LEASE + 1);
    expect(await runOutboxOnce(linli.services)).toBe(1);
    expect(await delivered(tag)).toHaveLength(1);
    expect((await credits('paid-a')).credits).toBe(1);
    linli.clock.advance(-(LEASE + 1));
  });

  it('with its only credit, a taken-over message is not called 未订阅', async () => {
    const tag = await queue('paid-b', 1, 'eventResult', 1);
    await payAndDie(tag);
    linli.clock.advance(LEASE + 1);
    expect(await runOutboxOnce(linli.services)).toBe(1);
    expect(await delivered(tag)).toHaveLength(1);
    const row = await linli.services.db.selectFrom('outbox').select(['status', 'paid']).where('dedupe_key', '=', `${tag}:0`).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', paid: 'credit' });
    linli.clock.advance(-(LEASE + 1));
  });

  it('when its send reached WeChat before it died, the message is recorded as sent once and the resident keeps the subscription', async () => {
    const tag = await queue('paid-c', 1, 'eventResult', 1);
    const message = await payAndDie(tag);
    // WeChat took the dead host's send; "sent" was never recorded.
    await linli.services.wechat.sendSubscribeMessage({ toOpenid: openidOf('paid-c'), templateId: linli.config.templates.eventResult.id, data: JSON.parse(message.data) as Record<string, string> });
    linli.clock.advance(LEASE + 1);
    await runOutboxOnce(linli.services);
    // WeChat refused the second send of a one-time subscription (43101): the resident got exactly one.
    expect(await delivered(tag)).toHaveLength(1);
    const row = await linli.services.db.selectFrom('outbox').select(['status', 'last_error']).where('dedupe_key', '=', `${tag}:0`).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', last_error: SENT_BEFORE_NOTE });
    expect((await credits('paid-c')).last_choice).toBe('accept');
    linli.clock.advance(-(LEASE + 1));
  });

  it('a host that lost the message pays nothing for it', async () => {
    const tag = await queue('paid-d', 1, 'eventResult', 1);
    const now = linli.clock.now();
    const [message] = await claimDue(linli.services.db, { now, leaseUntil: new Date(now.getTime() + LEASE), holder: 'slow-host', limit: 10 });
    expect(message!.dedupe_key).toBe(`${tag}:0`);
    linli.clock.advance(LEASE + 1);
    await claimDue(linli.services.db, { now: linli.clock.now(), leaseUntil: new Date(linli.clock.now().getTime() + LEASE), holder: 'new-host', limit: 10 });
    const bill = { messageId: message!.id, holder: 'slow-host', userId: message!.user_id, template: 'eventResult' as const };
    expect(await payForMessage(linli.services.db, bill, 'one-time')).toBeNull();
    expect((await credits('paid-d')).credits).toBe(1);
    linli.clock.advance(LEASE + 1);
    await drain();
    linli.clock.advance(-2 * (LEASE + 1));
  });
});

describe('when hosts run the outbox at the same moment', () => {
  beforeEach(drain);

  it('each message goes out exactly once', async () => {
    const tag = await queue('race-a', 120);
    const counts = await Promise.all([1, 2, 3, 4].map(() => runOutboxOnce(linli.services, 50)));
    const more = await Promise.all([1, 2, 3, 4].map(() => runOutboxOnce(linli.services, 50)));
    expect([...counts, ...more].reduce((a, b) => a + b, 0)).toBe(120);
    const sent = await delivered(tag);
    expect(sent).toHaveLength(120);
    expect(new Set(sent.map((m) => m.data.thing1!.value)).size).toBe(120);
  });
});

describe('when a host shuts down mid-batch', () => {
  beforeEach(drain);

  it('gives back what it took and did not send, for the next host', async () => {
    const tag = await queue('stop-a', 5);
    let sends = 0;
    const sent = await runOutboxOnce(linli.services, { limit: 10, stopping: () => sends++ >= 2 });
    expect(sent).toBe(2);
    const rows = await linli.services.db.selectFrom('outbox').select(['status', 'attempts', 'claimed_by']).where('dedupe_key', 'like', `${tag}:%`).execute();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(rows.filter((r) => r.status === 'pending')).toEqual(Array(3).fill({ status: 'pending', attempts: 0, claimed_by: null }));
    // At once, without waiting for a lease.
    expect(await runOutboxOnce(linli.services)).toBe(3);
    expect(await delivered(tag)).toHaveLength(5);
  });
});

