import type { z } from 'zod';
import type { CreateEventInput, EventSummary } from '../../types/events';
import { HOUR } from '../core/clock';
import { changeBehindVersion } from '../testing/content-versions';
import { listEventRows } from './events.storage';
import { upcomingTops } from './list-events';
import { clinicEventInput } from '../testing/events';
import { callAt, signIn, twoHostsForThisFile } from '../testing/linli';

/**
 * Each host keeps the top of the upcoming events list (list-events.ts, cloud/core/reply-cache.ts).
 * Behind a load balancer a sign-up and the next look at the list land on different hosts: the
 * seats, the waitlist and the status must be right on the other host at its next read, and a
 * status that changes with the time must change at that time.
 */
const hosts = twoHostsForThisFile();

async function listOnB(input: object = { communityId: 'chaoyang', limit: 50 }): Promise<{ items: EventSummary[]; nextCursor: string | null }> {
  const reply = await callAt(hosts.hostB.url, hosts.linli.config, 'events.list', input);
  expect(reply.status).toBe(200);
  return (JSON.parse(reply.body) as { result: { items: EventSummary[]; nextCursor: string | null } }).result;
}

const onB = async (id: string) => (await listOnB()).items.find((e) => e.id === id);
const keptOnB = () => upcomingTops(hosts.hostB.services.db);

async function publishedEvent(over: Partial<z.input<typeof CreateEventInput>> = {}, startsInMs = 48 * HOUR) {
  const created = await hosts.admin.call('events.create', clinicEventInput(new Date(hosts.linli.clock.now().getTime() + startsInMs), over));
  return hosts.admin.call('events.publish', { id: created.id });
}

describe('a top kept by host B', () => {
  it('is served again while its version is unchanged: a change made with the version set back is not seen', async () => {
    const event = await publishedEvent({ title: '防汛演练通知' });
    expect((await onB(event.id))?.title).toBe('防汛演练通知');
    const db = hosts.linli.services.db;
    await changeBehindVersion(db, 'events', () => db.updateTable('events').set({ title: '未经触发器的改动' }).where('id', '=', event.id).execute());
    expect((await onB(event.id))?.title).toBe('防汛演练通知');
  });

  it('cuts its pages and their cursors as the list is, also past the rows it holds', async () => {
    for (let i = 0; i < 40; i++) await publishedEvent({ title: `楼院议事会第${i + 1}场` }, (72 + i) * HOUR);
    const truth = (await listEventRows(hosts.linli.services.db, { when: 'upcoming', now: hosts.hostB.clock.now(), scopeIds: ['chaoyang', 'shangjie'], limit: 60 })).map((r) => r.id);
    expect(truth.length).toBeGreaterThan(44);
    for (const limit of [3, 20, 22]) {
      await listOnB({ communityId: 'chaoyang', limit });
      const first = await listOnB({ communityId: 'chaoyang', limit });
      const next = await listOnB({ communityId: 'chaoyang', limit, cursor: first.nextCursor });
      expect([...first.items, ...next.items].map((e) => e.id)).toEqual(truth.slice(0, 2 * limit));
    }
  });
});

describe('sign-ups on host A show on host B at its next read', () => {
  it("seats left, full, the waitlist, an operator's removal, a cancellation", async () => {
    const event = await publishedEvent({ title: '上街区健步走报名' });
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 2, waitlistLength: 0, status: 'open' });
    expect(keptOnB().size).toBeGreaterThan(0);
    const [a, b, c] = await Promise.all([signIn('upc-a'), signIn('upc-b'), signIn('upc-c')]);
    await a.call('events.register', { eventId: event.id });
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 1, status: 'open' });
    await b.call('events.register', { eventId: event.id });
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 0, status: 'full' });
    await c.call('events.register', { eventId: event.id });
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 0, waitlistLength: 1 });
    // An operator takes the waitlisted sign-up out by hand: only a registration row changes.
    await hosts.linli.services.db.deleteFrom('event_registrations').where('event_id', '=', event.id).where('user_id', '=', c.userId!).execute();
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 0, waitlistLength: 0 });
    await a.call('events.cancelRegistration', { eventId: event.id });
    expect(await onB(event.id)).toMatchObject({ seatsLeft: 1, waitlistLength: 0, status: 'open' });
  });

  it("an admin's edit and cancellation, and an operator's SQL", async () => {
    const event = await publishedEvent({ title: '社区书法班' });
    expect((await onB(event.id))?.title).toBe('社区书法班');
    await hosts.admin.call('events.update', { id: event.id, title: '社区书法班（改期）' });
    expect((await onB(event.id))?.title).toBe('社区书法班（改期）');
    await hosts.hostB.services.db.updateTable('events').set({ venue: '朝阳社区活动室' }).where('id', '=', event.id).execute();
    expect((await onB(event.id))?.venue).toBe('朝阳社区活动室');
    await hosts.admin.call('events.cancel', { id: event.id, reason: '场地维修' });
    expect((await onB(event.id))?.status).toBe('cancelled');
  });
});

describe('time', () => {
  it('sign-up opens and the event leaves the list at their times, to the millisecond', async () => {
    const now = hosts.hostB.clock.now().getTime();
    // Both within the minute a kept top may live at all, so only its own times can end it.
    const opens = new Date(now + 20_000);
    const closes = new Date(now + 30_000);
    const starts = new Date(now + 40_000);
    const event = await publishedEvent({ title: '午间快闪：防诈骗讲座', signupOpensAt: opens, signupClosesAt: closes }, starts.getTime() - hosts.linli.clock.now().getTime());
    expect((await onB(event.id))?.status).toBe('upcoming');
    hosts.hostB.clock.set(new Date(opens.getTime() - 1));
    expect((await onB(event.id))?.status).toBe('upcoming');
    hosts.hostB.clock.set(opens);
    expect((await onB(event.id))?.status).toBe('open');
    hosts.hostB.clock.set(new Date(closes.getTime() - 1));
    expect((await onB(event.id))?.status).toBe('open');
    hosts.hostB.clock.set(closes);
    expect((await onB(event.id))?.status).toBe('signupClosed');
    hosts.hostB.clock.set(new Date(starts.getTime() - 1));
    expect((await onB(event.id))?.status).toBe('signupClosed');
    hosts.hostB.clock.set(starts);
    expect(await onB(event.id)).toBeUndefined();
    hosts.hostB.clock.set(hosts.linli.clock.now());
  });
});

describe('what is kept', () => {
  it('only the upcoming list without a cursor', async () => {
    await listOnB();
    const before = keptOnB().size;
    await listOnB({ communityId: 'chaoyang', when: 'past' });
    await listOnB({ communityId: 'chaoyang', when: 'ongoing' });
    const first = await listOnB({ communityId: 'chaoyang', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    await listOnB({ communityId: 'chaoyang', limit: 1, cursor: first.nextCursor });
    expect(keptOnB().size).toBe(before);
  });
});
