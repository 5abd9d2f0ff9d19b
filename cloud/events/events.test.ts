import { ERRORS } from '../../types';
import type { CreateEventInput, EventDetail } from '../../types/events';
import type { z } from 'zod';
import { DAY, HOUR, MINUTE } from '../core/clock';
import { messagesFor } from '../notifications/outbox.storage';
import { RETRY_DELAYS_MS, runOutboxOnce } from '../notifications/worker';
import { anonymous, errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { openidOf } from '../wechat/fake-server';
import { interleaved, residentOf, staffOf } from '../testing/interleave';
import publishEvent from './publish-event';
import registerForEvent from './register-for-event';
import { AppError } from '../../types';
import { openDatabase } from '../storage/dialect';
import { registerResident } from './events.storage';
import updateEvent from './update-event';
import cancelEvent from './cancel-event';
import closeEvent from './close-event';
import deleteDraftEvent from './delete-draft-event';
import checkIn from './check-in';

let linli: TestLinli;
let admin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
});
afterAll(() => linli.stop());

/** A published event of 朝阳社区 starting `inHours` from the test clock. */
async function publishedEvent(over: Partial<z.input<typeof CreateEventInput>> = {}, inHours = 48): Promise<EventDetail> {
  const start = new Date(linli.clock.now().getTime() + inHours * HOUR);
  const created = await admin.call('events.create', {
    title: '爱心义诊进社区',
    category: '义诊',
    scopeId: 'chaoyang',
    organizer: '朝阳社区党委',
    partners: ['郑州市第十五人民医院'],
    venue: '党群服务中心一楼大厅',
    startsAt: start,
    endsAt: new Date(start.getTime() + 3 * HOUR),
    capacity: 2,
    cancelCutoffMinutes: 120,
    ...over,
  });
  return admin.call('events.publish', { id: created.id });
}

const residents = (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => signIn(`${prefix}-${i}`)));

describe('signing up', () => {
  it('a resident takes a seat, the seats left go down, and registering again returns the same registration', async () => {
    const event = await publishedEvent();
    const [a] = await residents('seat', 1);
    const first = await a!.call('events.register', { eventId: event.id });
    expect(first).toMatchObject({ status: 'confirmed', statusText: '已报名', waitlistPosition: null, canCancel: true });
    expect(first.checkinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const again = await a!.call('events.register', { eventId: event.id });
    expect(again.id).toBe(first.id);
    const seen = await a!.call('events.get', { id: event.id });
    expect(seen).toMatchObject({ seatsLeft: 1, statusText: '报名中', mine: { id: first.id } });
  });

  it('when the event is full, the next residents wait in line and are told their place', async () => {
    const event = await publishedEvent();
    const [a, b, c, d] = await residents('line', 4);
    await a!.call('events.register', { eventId: event.id });
    await b!.call('events.register', { eventId: event.id });
    expect(await c!.call('events.register', { eventId: event.id })).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, statusText: '候补第1位' });
    expect(await d!.call('events.register', { eventId: event.id })).toMatchObject({ waitlistPosition: 2 });
    expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 2, statusText: '已满·可候补' });

    // The first cancels: the first in line gets the seat, the second moves up.
    await a!.call('events.cancelRegistration', { eventId: event.id });
    expect((await c!.call('events.get', { id: event.id })).mine).toMatchObject({ status: 'confirmed' });
    expect((await d!.call('events.get', { id: event.id })).mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const promotedMessages = await messagesFor(linli.services.db, c!.userId!);
    expect(promotedMessages.map((m) => JSON.parse(m.data).thing4)).toContain('候补成功，已为您保留名额');
  });

  it('capacity holds when many residents register at once, and the waitlist keeps one place each', async () => {
    const event = await publishedEvent({ capacity: 5 });
    const crowd = await residents('crowd', 40);
    const results = await Promise.all(crowd.map((r) => r.call('events.register', { eventId: event.id })));
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const positions = results.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition).sort((x, y) => x! - y!);
    expect(positions).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    const { registrants } = await admin.call('events.registrants', { eventId: event.id });
    expect(registrants.filter((r) => r.status === 'confirmed')).toHaveLength(5);

    // And when many of the seated cancel at once, exactly that many move up.
    const seated = crowd.filter((_, i) => results[i]!.status === 'confirmed');
    await Promise.all(seated.map((r) => r.call('events.cancelRegistration', { eventId: event.id })));
    const after = await admin.call('events.registrants', { eventId: event.id });
    expect(after.registrants.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    expect(after.registrants.filter((r) => r.status === 'waitlisted')).toHaveLength(30);
  });

  it('one resident tapping many times at once gets one registration', async () => {
    const event = await publishedEvent({ capacity: 10 });
    const [tapper] = await residents('tapper', 1);
    const results = await Promise.all(Array.from({ length: 10 }, () => tapper!.call('events.register', { eventId: event.id })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await anonymous.call('events.get', { id: event.id })).seatsLeft).toBe(9);
  });

  it('refuses sign-up outside the window, after cancellation, and where none is needed', async () => {
    const [r] = await residents('window', 1);
    const later = await publishedEvent({ signupOpensAt: new Date(linli.clock.now().getTime() + DAY) });
    expect(await errorCodeOf(r!.call('events.register', { eventId: later.id }))).toBe(ERRORS.EVENT_SIGNUP_NOT_OPEN.code);
    const closing = await publishedEvent({ signupClosesAt: new Date(linli.clock.now().getTime() + HOUR) });
    linli.clock.advance(2 * HOUR);
    expect(await errorCodeOf(r!.call('events.register', { eventId: closing.id }))).toBe(ERRORS.EVENT_SIGNUP_CLOSED.code);
    linli.clock.advance(-2 * HOUR);
    const walkIn = await publishedEvent({ requiresSignup: false });
    expect(await errorCodeOf(r!.call('events.register', { eventId: walkIn.id }))).toBe(ERRORS.EVENT_NO_SIGNUP.code);
  });

  it('a resident cannot cancel after the cut-off', async () => {
    const event = await publishedEvent({}, 3);
    const [r] = await residents('cutoff', 1);
    await r!.call('events.register', { eventId: event.id });
    linli.clock.advance(90 * MINUTE);
    try {
      expect((await r!.call('events.get', { id: event.id })).mine?.canCancel).toBe(false);
      expect(await errorCodeOf(r!.call('events.cancelRegistration', { eventId: event.id }))).toBe(ERRORS.EVENT_CANCEL_CUTOFF_PASSED.code);
    } finally {
      linli.clock.advance(-90 * MINUTE);
    }
  });

  it('a draft is invisible to residents', async () => {
    const draft = await admin.call('events.create', {
      title: '草稿活动',
      category: '讲座',
      scopeId: 'chaoyang',
      organizer: '朝阳社区党委',
      venue: '科普大学',
      startsAt: new Date(linli.clock.now().getTime() + DAY),
      endsAt: new Date(linli.clock.now().getTime() + DAY + HOUR),
    });
    expect(await errorCodeOf(anonymous.call('events.get', { id: draft.id }))).toBe(ERRORS.NOT_FOUND.code);
  });
});

describe('when the event is cancelled while a sign-up is under way', () => {
  // Far ahead, so these events stay behind the demo events in the soonest-first lists below.
  it('a sign-up checked before the cancellation and written after it is refused, and keeps nothing', async () => {
    const event = await publishedEvent({}, 24 * 40);
    const [r] = await residents('race-cancel', 1);
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const signUp = registerForEvent.handler({ eventId: event.id }, { services, caller: residentOf(r!), ip: '127.0.0.1' });
    expect(await errorCodeOf(signUp)).toBe(ERRORS.EVENT_CANCELLED.code);
    expect(services.interleaved()).toBe(true);
    expect(await r!.call('events.get', { id: event.id })).toMatchObject({ statusText: '已取消', mine: null, seatsLeft: 2 });
    expect(await messagesFor(linli.database.db, r!.userId!)).toEqual([]);
  });

  it('on an event the host has seen, a seat and a waitlist place answer exactly what is stored, and only the seat queues messages', async () => {
    const event = await publishedEvent({ capacity: 2 }, 24 * 47);
    const [a, b, c] = await residents('known-event', 3);
    await a!.call('events.register', { eventId: event.id });
    const seat = await b!.call('events.register', { eventId: event.id });
    const place = await c!.call('events.register', { eventId: event.id });
    expect(seat).toMatchObject({ status: 'confirmed', waitlistPosition: null, canCancel: true });
    expect(place).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, statusText: '候补第1位', checkinCode: null });
    const { registrants } = await admin.call('events.registrants', { eventId: event.id });
    const stored = (id: string) => registrants.find((r) => r.registrationId === id);
    expect(stored(seat.id)).toMatchObject({ status: 'confirmed', checkinCode: seat.checkinCode });
    expect(stored(place.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await b!.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, mine: { id: seat.id, checkinCode: seat.checkinCode } });
    const keys = (await messagesFor(linli.database.db, b!.userId!)).map((m) => m.dedupe_key);
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key).toContain(`event:${event.id}:reg:${seat.id}:`);
    expect(await messagesFor(linli.database.db, c!.userId!)).toEqual([]);
    // A second tap of a registered resident changes nothing and answers the same registration.
    expect(await b!.call('events.register', { eventId: event.id })).toMatchObject({ id: seat.id, status: 'confirmed' });
    expect(await a!.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 1 });
  });

  it('a sign-up the host checks on the event as it last saw it, written after a cancellation, is refused and keeps nothing', async () => {
    const event = await publishedEvent({}, 24 * 45);
    const [first, r] = await residents('race-cancel-known', 2);
    // The first sign-up shows this host the event: on PostgreSQL the next one is one statement,
    // checked on the event as that sign-up found it and written only while the event still is so.
    await first!.call('events.register', { eventId: event.id });
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const signUp = registerForEvent.handler({ eventId: event.id }, { services, caller: residentOf(r!), ip: '127.0.0.1' });
    expect(await errorCodeOf(signUp)).toBe(ERRORS.EVENT_CANCELLED.code);
    expect(services.interleaved()).toBe(true);
    expect(await r!.call('events.get', { id: event.id })).toMatchObject({ statusText: '已取消', mine: null, seatsLeft: 1 });
    expect(await messagesFor(linli.database.db, r!.userId!)).toEqual([]);
  });

  it('a sign-up checked on the event as the host last saw it, written after the event moved, keeps the new time in its messages', async () => {
    const event = await publishedEvent({}, 24 * 46);
    const [first, r] = await residents('race-edit-known', 2);
    await first!.call('events.register', { eventId: event.id });
    const later = new Date(new Date(event.startsAt).getTime() + DAY);
    const services = interleaved(linli.services, () =>
      admin.call('events.update', { id: event.id, startsAt: later, endsAt: new Date(later.getTime() + 3 * HOUR) }),
    );
    await registerForEvent.handler({ eventId: event.id }, { services, caller: residentOf(r!), ip: '127.0.0.1' });
    expect(services.interleaved()).toBe(true);
    const keys = (await messagesFor(linli.database.db, r!.userId!)).map((m) => m.dedupe_key).filter((k) => k.includes(':remind-'));
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toContain(`:${later.toISOString()}:`);
  });

  it('of many sign-ups racing a cancellation, each is refused or told of the cancellation', async () => {
    const event = await publishedEvent({ capacity: 3 }, 24 * 41);
    const crowd = await residents('race-crowd', 8);
    const results = await Promise.allSettled([
      ...crowd.map((c) => c.call('events.register', { eventId: event.id })),
      admin.call('events.cancel', { id: event.id, reason: '暴雨预警' }),
    ]);
    expect(results.at(-1)!.status).toBe('fulfilled');
    for (const [i, c] of crowd.entries()) {
      const queued = (await messagesFor(linli.database.db, c.userId!)).map((m) => m.data);
      if (results[i]!.status === 'fulfilled') expect(queued.some((p) => p.includes('暴雨预警'))).toBe(true);
      else expect([(results[i] as PromiseRejectedResult).reason.code, queued]).toEqual([ERRORS.EVENT_CANCELLED.code, []]);
    }
  });
});

describe('when the event is cancelled while an admin publishes or edits it', () => {
  it('a publish checked before the cancellation is refused, and the event stays cancelled', async () => {
    const event = await publishedEvent({}, 24 * 42);
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const publish = publishEvent.handler({ id: event.id }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(publish)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
    expect(services.interleaved()).toBe(true);
    expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ statusText: '已取消' });
  });

  it('an edit checked before the cancellation is refused, and the cancelled event keeps its title', async () => {
    const event = await publishedEvent({}, 24 * 43);
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const edit = updateEvent.handler({ id: event.id, title: '改了标题的活动' }, { services, caller: await staffOf(linli.services, admin), ip: '127.0.0.1' });
    expect(await errorCodeOf(edit)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
    expect(services.interleaved()).toBe(true);
    expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ title: event.title, statusText: '已取消' });
  });
});

describe('when another admin command lands between the check and the write', () => {
  const asAdmin = () => staffOf(linli.services, admin);

  it('a capacity change checked before the cancellation is refused with the rest of the edit: the cancelled event keeps its seats', async () => {
    const event = await publishedEvent({ capacity: 2 }, 24 * 44);
    const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '场地维修' }));
    const edit = updateEvent.handler({ id: event.id, capacity: 9, title: '扩容后的义诊' }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(await errorCodeOf(edit)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
    expect(services.interleaved()).toBe(true);
    expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ title: event.title, capacity: 2, seatsLeft: 2, statusText: '已取消' });
  });

  it('a cancellation checked before the event was closed is refused: it stays closed and nobody is told of a cancellation', async () => {
    const start = linli.clock.now();
    const event = await publishedEvent({ capacity: 2 }, 1);
    const [r] = await residents('race-close', 1);
    await r!.call('events.register', { eventId: event.id });
    const before = (await messagesFor(linli.database.db, r!.userId!)).length;
    linli.clock.advance(5 * HOUR);
    try {
      const services = interleaved(linli.services, () => admin.call('events.close', { id: event.id, residentsServed: 1 }));
      const cancel = cancelEvent.handler({ id: event.id, reason: '临时取消' }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
      expect(await errorCodeOf(cancel)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
      expect(services.interleaved()).toBe(true);
      expect(await admin.call('events.get', { id: event.id })).toMatchObject({ state: 'closed', residentsServed: 1 });
      const queued = (await messagesFor(linli.database.db, r!.userId!)).map((m) => m.data);
      expect([queued.length - before, queued.some((d) => d.includes('临时取消'))]).toEqual([0, false]);
    } finally {
      linli.clock.set(start);
    }
  });

  it('a close checked before the cancellation is refused: the event stays cancelled with no attendance recorded', async () => {
    const start = linli.clock.now();
    const event = await publishedEvent({ capacity: 2 }, 1);
    linli.clock.advance(5 * HOUR);
    try {
      const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '暴雨预警' }));
      const close = closeEvent.handler({ id: event.id, attendance: 30, residentsServed: 30 }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
      expect(await errorCodeOf(close)).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
      expect(services.interleaved()).toBe(true);
      expect(await admin.call('events.get', { id: event.id })).toMatchObject({ state: 'cancelled', attendance: null, residentsServed: null });
    } finally {
      linli.clock.set(start);
    }
  });

  it('a check-in scanned before the event was cancelled is refused and not recorded', async () => {
    const start = linli.clock.now();
    const event = await publishedEvent({ capacity: 2 }, 2);
    const [r] = await residents('race-checkin', 1);
    const { checkinCode } = await r!.call('events.register', { eventId: event.id });
    linli.clock.advance(90 * MINUTE);
    try {
      const grid = await signIn('grid');
      const services = interleaved(linli.services, () => admin.call('events.cancel', { id: event.id, reason: '突发停电' }));
      const scan = checkIn.handler({ code: checkinCode! }, { services, caller: await staffOf(linli.services, grid), ip: '127.0.0.1' });
      expect(await errorCodeOf(scan)).toBe(ERRORS.CHECKIN_CLOSED.code);
      expect(services.interleaved()).toBe(true);
      expect((await r!.call('events.get', { id: event.id })).mine).toMatchObject({ checkedInAt: null });
    } finally {
      linli.clock.set(start);
    }
  });

  it('deleting a draft checked before it was published is refused: the published event stays', async () => {
    const start = new Date(linli.clock.now().getTime() + 24 * 45 * HOUR);
    const draft = await admin.call('events.create', { title: '草稿删除竞争', category: '讲座', scopeId: 'chaoyang', organizer: '朝阳社区党委', venue: '科普大学', startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
    const services = interleaved(linli.services, () => admin.call('events.publish', { id: draft.id }));
    const remove = deleteDraftEvent.handler({ id: draft.id }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(await errorCodeOf(remove)).toBe(ERRORS.EVENT_NOT_DRAFT.code);
    expect(services.interleaved()).toBe(true);
    expect(await anonymous.call('events.get', { id: draft.id })).toMatchObject({ title: '草稿删除竞争' });
  });

  it('an edit of a draft deleted meanwhile answers NOT_FOUND, not a crash', async () => {
    const start = new Date(linli.clock.now().getTime() + 24 * 46 * HOUR);
    const draft = await admin.call('events.create', { title: '编辑删除竞争', category: '讲座', scopeId: 'chaoyang', organizer: '朝阳社区党委', venue: '科普大学', startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
    const services = interleaved(linli.services, () => admin.call('events.deleteDraft', { id: draft.id }));
    const edit = updateEvent.handler({ id: draft.id, title: '改名的草稿' }, { services, caller: await asAdmin(), ip: '127.0.0.1' });
    expect(await errorCodeOf(edit)).toBe(ERRORS.NOT_FOUND.code);
    expect(services.interleaved()).toBe(true);
  });
});

describe('check-in', () => {
  it('only from an hour before the start until the end, once, by staff of that community', async () => {
    const event = await publishedEvent({}, 3);
    const [r] = await residents('checkin', 1);
    const { checkinCode } = await r!.call('events.register', { eventId: event.id });
    const grid = await signIn('grid');
    expect(await errorCodeOf(grid.call('events.checkIn', { code: checkinCode! }))).toBe(ERRORS.CHECKIN_NOT_OPEN.code);

    linli.clock.advance(2 * HOUR + 5 * MINUTE);
    const kangleAgent = await signIn('agent-kangle');
    expect(await errorCodeOf(kangleAgent.call('events.checkIn', { code: checkinCode! }))).toBe(ERRORS.CHECKIN_UNKNOWN_CODE.code);
    // Typed in lower case with a space, as a busy volunteer would.
    const typed = `${checkinCode!.slice(0, 4).toLowerCase()} ${checkinCode!.slice(4)}`;
    expect(await grid.call('events.checkIn', { code: typed })).toMatchObject({ nickname: '微信用户', eventTitle: '爱心义诊进社区' });
    try {
      await grid.call('events.checkIn', { code: checkinCode! });
      throw new Error('second check-in should fail');
    } catch (error) {
      expect((error as { code: number }).code).toBe(ERRORS.CHECKIN_ALREADY.code);
      expect((error as Error).message).toMatch(/^已于\d+月\d+日 \d\d:\d\d签到/);
    }
    linli.clock.advance(4 * HOUR);
    const [late] = await residents('checkin-late', 1);
    expect(await errorCodeOf(grid.call('events.checkIn', { code: 'ABCDEFGH' }))).toBe(ERRORS.CHECKIN_UNKNOWN_CODE.code);
    void late;

    // After the end: close with attendance taken from the check-ins.
    const closed = await admin.call('events.close', { id: event.id, residentsServed: 1 });
    expect(closed).toMatchObject({ attendance: 1, residentsServed: 1, statusText: '已结束' });
    linli.clock.advance(-(6 * HOUR + 5 * MINUTE));
  });

  it('cannot close an event before it has ended', async () => {
    const event = await publishedEvent();
    expect(await errorCodeOf(admin.call('events.close', { id: event.id, residentsServed: 10 }))).toBe(ERRORS.EVENT_NOT_ENDED.code);
  });
});

describe('admin changes', () => {
  it('more seats move the waitlist up at once; fewer than taken is refused', async () => {
    const event = await publishedEvent({ capacity: 1 });
    const [a, b, c] = await residents('grow', 3);
    for (const r of [a, b, c]) await r!.call('events.register', { eventId: event.id });
    await admin.call('events.update', { id: event.id, capacity: 2 });
    expect((await b!.call('events.get', { id: event.id })).mine?.status).toBe('confirmed');
    expect((await c!.call('events.get', { id: event.id })).mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await errorCodeOf(admin.call('events.update', { id: event.id, capacity: 1 }))).toBe(ERRORS.EVENT_CAPACITY_TOO_SMALL.code);
    // Unlimited: everyone still waiting gets in.
    await admin.call('events.update', { id: event.id, capacity: 0 });
    expect((await c!.call('events.get', { id: event.id })).mine?.status).toBe('confirmed');
  });

  it('removing a registrant gives the seat to the first in line', async () => {
    const event = await publishedEvent({ capacity: 1 });
    const [a, b] = await residents('remove', 2);
    await a!.call('events.register', { eventId: event.id });
    await b!.call('events.register', { eventId: event.id });
    const { registrants } = await admin.call('events.registrants', { eventId: event.id });
    const seated = registrants.find((r) => r.status === 'confirmed')!;
    expect(await admin.call('events.removeRegistration', { registrationId: seated.registrationId })).toEqual({ removed: true });
    expect((await b!.call('events.get', { id: event.id })).mine?.status).toBe('confirmed');
    expect(await errorCodeOf(a!.call('events.register', { eventId: event.id }))).toBe(ERRORS.EVENT_REGISTRATION_REMOVED.code);
  });

  it('once the event has begun, its list is the record: nobody is removed and nobody moves up', async () => {
    const event = await publishedEvent({ capacity: 1 }, 1);
    const [a, b] = await residents('remove-late', 2);
    await a!.call('events.register', { eventId: event.id });
    await b!.call('events.register', { eventId: event.id });
    const seated = (await admin.call('events.registrants', { eventId: event.id })).registrants.find((r) => r.status === 'confirmed')!;
    linli.clock.advance(90 * MINUTE);
    try {
      expect(await errorCodeOf(admin.call('events.removeRegistration', { registrationId: seated.registrationId }))).toBe(ERRORS.EVENT_NOT_EDITABLE.code);
      expect((await a!.call('events.get', { id: event.id })).mine?.status).toBe('confirmed');
      expect((await b!.call('events.get', { id: event.id })).mine?.status).toBe('waitlisted');
    } finally {
      linli.clock.advance(-90 * MINUTE);
    }
  });

  it('an admin of another community cannot touch the event, nor read its registrants', async () => {
    const event = await publishedEvent();
    const other = await signIn('admin-kangle');
    expect(await errorCodeOf(other.call('events.cancel', { id: event.id, reason: '场地冲突' }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(other.call('events.registrants', { eventId: event.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await errorCodeOf(other.call('events.create', { title: '越权活动', category: '讲座', scopeId: 'chaoyang', organizer: '康乐社区', venue: '别处', startsAt: new Date(), endsAt: new Date(Date.now() + HOUR) }))).toBe(
      ERRORS.OUT_OF_SCOPE.code,
    );
  });

  it('refuses an end before the start, keeping nothing', async () => {
    const now = linli.clock.now().getTime();
    expect(
      await errorCodeOf(
        admin.call('events.create', { title: '时间错了', category: '讲座', scopeId: 'chaoyang', organizer: '朝阳社区', venue: '科普大学', startsAt: new Date(now + DAY), endsAt: new Date(now + DAY - HOUR) }),
      ),
    ).toBe(ERRORS.EVENT_TIME_INVALID.code);
  });
});

describe('messages through the outbox', () => {
  beforeEach(async () => {
    // Send whatever earlier tests queued, so each test sees only its own messages.
    while ((await runOutboxOnce(linli.services, 500)) > 0);
  });

  it('with one tap accepted: the confirmation, then the day-before reminder; the hour-before one is 未订阅 and WeChat is not called', async () => {
    const event = await publishedEvent({ venue: '党群服务中心一楼大厅' }, 50);
    const r = await signIn('msg-1');
    await linli.subscribe(r, 'msg-1', ['eventResult', 'eventReminder', 'eventChange']);
    await r.call('events.register', { eventId: event.id });
    const openid = openidOf('msg-1');
    const mine = async () => (await linli.sentMessages()).filter((m) => m.touser === openid);

    await runOutboxOnce(linli.services);
    expect((await mine()).map((m) => m.data.thing4!.value)).toEqual(['报名成功，请准时参加']);
    expect((await mine())[0]!.data).toMatchObject({ thing1: { value: '爱心义诊进社区' }, thing3: { value: '党群服务中心一楼大厅' }, time2: { value: expect.stringMatching(/^\d{4}年\d+月\d+日 \d\d:\d\d$/) } });

    linli.clock.advance(26 * HOUR + 1);
    await runOutboxOnce(linli.services);
    await runOutboxOnce(linli.services);
    expect((await mine()).map((m) => m.data.thing4!.value)).toEqual(['报名成功，请准时参加', '明天就要开始了']);
    linli.clock.advance(23 * HOUR);
    await runOutboxOnce(linli.services);
    expect(await mine()).toHaveLength(2);
    const hour = (await messagesFor(linli.services.db, r.userId!)).find((m) => m.dedupe_key.includes(':remind-hour:'))!;
    expect(hour).toMatchObject({ status: 'unsubscribed' });
    const sends = (await linli.fakeLog()).filter((c) => c.api === 'subscribeMessage.send' && c.detail.touser === openid);
    expect(sends.map((c) => c.errcode)).toEqual([0, 0]);
    linli.clock.advance(-(49 * HOUR + 1));
  });

  it('a resident who accepted twice gets both reminders; one who never accepted gets nothing and WeChat is never asked', async () => {
    const event = await publishedEvent({}, 50);
    const [twice, never] = await Promise.all(['msg-twice', 'msg-never'].map(signIn));
    await linli.subscribe(twice!, 'msg-twice', ['eventResult', 'eventReminder']);
    await linli.subscribe(twice!, 'msg-twice', ['eventReminder']);
    await twice!.call('events.register', { eventId: event.id });
    await never!.call('events.register', { eventId: event.id });
    linli.clock.advance(50 * HOUR);
    await runOutboxOnce(linli.services);
    linli.clock.advance(-50 * HOUR);
    const sent = await linli.sentMessages();
    expect(sent.filter((m) => m.touser === openidOf('msg-twice')).map((m) => m.data.thing4!.value)).toEqual(['报名成功，请准时参加', '明天就要开始了', '1小时后开始，请带好签到码']);
    expect((await messagesFor(linli.services.db, never!.userId!)).map((m) => m.status)).toEqual(['unsubscribed', 'unsubscribed', 'unsubscribed']);
    expect((await linli.fakeLog()).filter((c) => c.detail.touser === openidOf('msg-never'))).toEqual([]);
  });

  it('a cancelled registration gets no reminders; a cancelled event tells everyone registered or waiting', async () => {
    const event = await publishedEvent({ capacity: 1 }, 50);
    const [a, b, c] = await Promise.all(['msg-2', 'msg-3', 'msg-4'].map(signIn));
    for (const [client, persona] of [[a!, 'msg-2'], [b!, 'msg-3'], [c!, 'msg-4']] as const) {
      await linli.subscribe(client, persona, ['eventResult', 'eventReminder', 'eventChange']);
    }
    await a!.call('events.register', { eventId: event.id });
    await b!.call('events.register', { eventId: event.id });
    await c!.call('events.register', { eventId: event.id });
    await c!.call('events.cancelRegistration', { eventId: event.id });
    await admin.call('events.cancel', { id: event.id, reason: '场地维修' });
    expect(await errorCodeOf(c!.call('events.register', { eventId: event.id }))).toBe(ERRORS.EVENT_CANCELLED.code);
    linli.clock.advance(50 * HOUR);
    await runOutboxOnce(linli.services);
    linli.clock.advance(-50 * HOUR);
    const sent = await linli.sentMessages();
    const notes = (p: string) => sent.filter((m) => m.touser === openidOf(p)).map((m) => m.data.thing4!.value);
    // The confirmation still queued when the event was cancelled is dropped: only the news that counts goes out.
    expect(notes('msg-2')).toEqual(['活动已取消：场地维修']);
    expect(notes('msg-3')).toEqual(['活动已取消：场地维修']);
    expect(notes('msg-4')).toEqual([]);
  });

  it('a refusal (43101) is recorded and never retried; a failure is retried later and sent once', async () => {
    const event = await publishedEvent({}, 50);
    const [refuser, flaky] = await Promise.all(['msg-refuse', 'msg-flaky'].map(signIn));
    await linli.subscribe(refuser!, 'msg-refuse', ['eventResult']);
    await linli.subscribe(flaky!, 'msg-flaky', ['eventResult']);
    // The resident then turns the messages off in WeChat's settings: our ledger cannot know.
    await linli.fake('/__fake/refuse', { openid: openidOf('msg-refuse') });
    await linli.fake('/__fake/fail', { openid: openidOf('msg-flaky'), times: 2 });
    await refuser!.call('events.register', { eventId: event.id });
    await flaky!.call('events.register', { eventId: event.id });

    await runOutboxOnce(linli.services);
    const refused = (await messagesFor(linli.services.db, refuser!.userId!)).find((m) => m.dedupe_key.includes(':confirmed:'))!;
    expect(refused).toMatchObject({ status: 'refused', attempts: 1 });
    expect((await refuser!.call('notifications.mine', {})).find((n) => n.template === 'eventResult')).toMatchObject({ on: false, credits: 0 });
    const flakyMessage = () => messagesFor(linli.services.db, flaky!.userId!).then((ms) => ms.find((m) => m.dedupe_key.includes(':confirmed:'))!);
    expect(await flakyMessage()).toMatchObject({ status: 'pending', attempts: 1 });

    // Not due yet: nothing happens. Then due: fails once more, then goes through on the credit given back.
    await runOutboxOnce(linli.services);
    expect((await flakyMessage()).attempts).toBe(1);
    linli.clock.advance(RETRY_DELAYS_MS[0]!);
    await runOutboxOnce(linli.services);
    linli.clock.advance(RETRY_DELAYS_MS[1]!);
    await runOutboxOnce(linli.services);
    await runOutboxOnce(linli.services);
    expect(await flakyMessage()).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await messagesFor(linli.services.db, refuser!.userId!)).find((m) => m.id === refused.id)).toMatchObject({ status: 'refused', attempts: 1 });
    const delivered = (await linli.sentMessages()).filter((m) => m.touser === openidOf('msg-flaky') && m.data.thing4!.value.startsWith('报名成功'));
    expect(delivered).toHaveLength(1);
    linli.clock.advance(-(RETRY_DELAYS_MS[0]! + RETRY_DELAYS_MS[1]!));
  });
});

describe('share cards that count', () => {
  it("a sign-up through a grid worker's card is counted for that grid worker, and only they see it", async () => {
    const event = await publishedEvent({ capacity: 10 });
    const grid = await signIn('grid');
    const [x, y] = await residents('shared', 2);
    await x!.call('events.get', { id: event.id, sharer: grid.userId });
    await x!.call('events.register', { eventId: event.id, sharer: grid.userId });
    await y!.call('events.register', { eventId: event.id, sharer: x!.userId });
    const reach = await grid.call('shares.mine');
    expect(reach.find((r) => r.targetId === event.id)).toMatchObject({ visits: 1, signups: 1, title: '爱心义诊进社区' });
    const { registrants } = await admin.call('events.registrants', { eventId: event.id });
    expect(registrants.map((r) => r.sharedByName)).toContain('刘建国');
  });
});

describe('my events', () => {
  it('lists my upcoming events with the check-in code, each event summarized as 活动 lists it', async () => {
    const event = await publishedEvent();
    const [r] = await residents('mine', 1);
    const signedUp = await r!.call('events.register', { eventId: event.id });
    const mine = await r!.call('events.mine', {});
    expect(mine.items).toHaveLength(1);
    // The code only: the mini-program draws its QR (src/packages/events/mine/checkin-qr.ts).
    expect(Object.keys(mine.items[0]!).sort()).toEqual(['event', 'registration']);
    expect(mine.items[0]!.registration).toEqual(signedUp);
    expect(mine.items[0]!.registration.checkinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const listed = (await r!.call('events.list', { limit: 50 })).items.find((e) => e.id === event.id);
    expect(mine.items[0]!.event).toEqual(listed);
    expect(mine.nextCursor).toBeNull();
  });

  it('pages a long list soonest first, with each place in line, and past ones apart', async () => {
    const [r] = await residents('mine-many', 1);
    const [ahead] = await residents('mine-ahead', 1);
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await publishedEvent({ capacity: i === 4 ? 1 : 10 }, 48 + 24 * i));
    await ahead!.call('events.register', { eventId: events[4]!.id });
    for (const e of events) await r!.call('events.register', { eventId: e.id });
    const first = await r!.call('events.mine', { limit: 2 });
    const second = await r!.call('events.mine', { limit: 2, cursor: first.nextCursor! });
    const third = await r!.call('events.mine', { limit: 2, cursor: second.nextCursor! });
    const all = [...first.items, ...second.items, ...third.items];
    expect(all.map((m) => m.event.id)).toEqual(events.map((e) => e.id));
    expect(third.nextCursor).toBeNull();
    // The full event: waitlisted behind the one who came first, with no QR code yet.
    expect(all[4]!.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, statusText: '候补第1位', checkinCode: null });
    expect(all[4]!.event).toMatchObject({ waitlistLength: 1, seatsLeft: 0 });
    expect(all.slice(0, 4).map((m) => m.registration.waitlistPosition)).toEqual([null, null, null, null]);
    expect((await r!.call('events.mine', { when: 'past' })).items).toEqual([]);
  });

  it('the demo events are listed for 朝阳社区, soonest first', async () => {
    const { items } = await anonymous.call('events.list', { communityId: 'chaoyang', limit: 50 });
    const demo = items.filter((e) => e.id.startsWith('demo-'));
    expect(demo.map((e) => e.title)).toEqual(expect.arrayContaining(['爱心义诊进社区', '免费理发 · 暖心助老']));
    const starts = items.map((e) => e.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const past = await anonymous.call('events.list', { when: 'past' });
    expect(past.items.find((e) => e.id === 'demo-event-huifeng-clinic')).toMatchObject({ statusText: '已结束' });
  });
});

describe('the console lists', () => {
  it('events.adminList shows drafts of my community only, with a total', async () => {
    const draft = await admin.call('events.create', { title: '后台草稿活动', category: '讲座', scopeId: 'chaoyang', organizer: '朝阳社区', venue: '科普大学', startsAt: new Date(linli.clock.now().getTime() + DAY), endsAt: new Date(linli.clock.now().getTime() + DAY + HOUR) });
    const mine = await admin.call('events.adminList', { state: 'draft', pageSize: 100 });
    expect(mine.items.map((e) => e.id)).toContain(draft.id);
    expect(mine.items.every((e) => e.state === 'draft' && e.scopeId === 'chaoyang')).toBe(true);
    const other = await signIn('admin-kangle');
    expect((await other.call('events.adminList', { pageSize: 100 })).items.map((e) => e.id)).not.toContain(draft.id);
  });
});

describe('when sign-ups share one group-commit batch', () => {
  it('a sign-up its own rule refuses is told so alone; the others keep their seats and places', async () => {
    const event = await publishedEvent({ capacity: 3 }, 24 * 42);
    const crowd = await residents('batch', 8);
    const batches: number[] = [];
    const own = openDatabase(linli.testDatabase.url, { groupCommit: { maxJobs: 32, maxMs: 1_000, onBatch: (n) => batches.push(n) } });
    try {
      let open!: () => void;
      const held = new Promise<void>((resolve) => (open = resolve));
      // An empty transaction holds the batch open until every sign-up has queued behind it.
      const holder = own.db.transaction().execute(() => held);
      const signUps = crowd.map((c, i) =>
        registerResident(own.db, {
          eventId: event.id,
          userId: c.userId!,
          sharedBy: null,
          code: `batch-${i}`,
          now: linli.clock.now(),
          notify: () => [],
          admit: () => {
            if (i === 1 || i === 4) throw new AppError('EVENT_SIGNUP_CLOSED');
          },
        }),
      );
      setTimeout(open, 50);
      const outcomes = await Promise.allSettled([holder, ...signUps]);
      expect(batches).toEqual([7]);
      const refused = outcomes.slice(1).flatMap((o, i) => (o.status === 'rejected' ? [[i, (o.reason as AppError).code]] : []));
      expect(refused).toEqual([
        [1, ERRORS.EVENT_SIGNUP_CLOSED.code],
        [4, ERRORS.EVENT_SIGNUP_CLOSED.code],
      ]);
      const { registrants } = await admin.call('events.registrants', { eventId: event.id });
      expect(registrants.filter((r) => r.status === 'confirmed')).toHaveLength(3);
      expect(registrants.filter((r) => r.status === 'waitlisted')).toHaveLength(3);
      expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 3 });
      const positions = await Promise.all(
        crowd.filter((_, i) => i !== 1 && i !== 4).map(async (c) => (await c.call('events.get', { id: event.id })).mine),
      );
      expect(positions.map((m) => m?.waitlistPosition ?? 0).sort()).toEqual([0, 0, 0, 1, 2, 3]);
      for (const i of [1, 4]) expect((await crowd[i]!.call('events.get', { id: event.id })).mine).toBeNull();
    } finally {
      await own.close();
    }
  });
});
