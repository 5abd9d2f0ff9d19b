import { ERRORS } from '../../types';
import { BOOKING_FLOW, bookingNext, HALL_STEPS, hallStepAllowed, type BookingAction, type BookingStatus, type HallStep } from '../../types/bookings';
import { shanghaiDay, shanghaiTime } from '../../types/time';
import { DAY, HOUR, MINUTE } from '../core/clock';
import { messagesFor } from '../notifications/outbox.storage';
import { interleaved, residentOf } from '../testing/interleave';
import cancelBooking from './cancel-booking';
import createBooking from './create-booking';
import rescheduleBooking from './reschedule-booking';
import { anonymous, errorCodeOf, signIn, startTestLinli, TEST_NOW, type Client, type TestLinli } from '../testing/linli';

// The test clock starts on Monday 2026-03-23 at 10:00 in Shanghai.
let linli: TestLinli;
let admin: Client;
let grid: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
  grid = await signIn('grid');
});
afterAll(() => linli.stop());
afterEach(() => linli.clock.set(TEST_NOW));

const day = (offsetDays: number) => shanghaiDay(new Date(Date.parse(TEST_NOW) + offsetDays * DAY));
const at = (offsetDays: number, hhmm: string) => shanghaiTime(day(offsetDays), hhmm);
let n = 0;
const resident = () => signIn(`booker-${n++}`);

describe('the transition table', () => {
  // The rules as the service centre states them, written out here rather than read back from
  // BOOKING_FLOW: a row per status, a column per action, '—' where the action is refused.
  //   pending:  staff approve or reject; the resident cancels or moves it (still pending).
  //   approved: the resident cancels or moves it (stays approved); staff record arrival or 未到.
  //   the four ends take no action at all.
  const RULES = `
    status      approve   reject    cancel     reschedule checkIn     markNoShow
    pending     approved  rejected  cancelled  pending    —           —
    approved    —         —         cancelled  approved   checked_in  no_show
    checked_in  —         —         —          —          —           —
    rejected    —         —         —          —          —           —
    cancelled   —         —         —          —          —           —
    no_show     —         —         —          —          —           —`;
  const [header, ...rows] = RULES.trim().split('\n').map((line) => line.trim().split(/\s+/));
  const actions = header!.slice(1) as BookingAction[];
  const expected = rows.map(([status, ...cells]) => [status as BookingStatus, Object.fromEntries(actions.map((a, i) => [a, cells[i] === '—' ? null : cells[i]]))] as const);

  it('covers every status the table knows', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual((Object.keys(BOOKING_FLOW) as BookingStatus[]).sort());
  });
  it.each(expected)('from %s, each action leads where the service centre says', (status, outcomes) => {
    expect(Object.fromEntries(actions.map((a) => [a, bookingNext(status, a)]))).toEqual(outcomes);
  });
  it('hall steps: arrive, then processing, which ends done or asks for material and resumes', () => {
    const steps = Object.keys(HALL_STEPS) as HallStep[];
    const allowed = steps.flatMap((from) => steps.filter((to) => hallStepAllowed(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['arrived→processing', 'booked→arrived', 'needs_material→processing', 'processing→done', 'processing→needs_material'].sort());
  });
});

describe('rooms and availability', () => {
  it('lists the 朝阳社区 centre: the hall items and the bookable rooms', async () => {
    const rooms = await anonymous.call('bookings.resources', { communityId: 'chaoyang', kind: 'room' });
    expect(rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['党员活动室', '演艺空间', '科普大学教室', '书画室', '剪纸室', '合唱室']));
    const hall = await anonymous.call('bookings.resources', { communityId: 'chaoyang', kind: 'hall' });
    expect(hall.find((h) => h.name === '高龄津贴申请')?.documents).toContain('户口本');
  });

  it('gives every slot of a day in Shanghai time, with why the early ones cannot be booked', async () => {
    const { slots } = await anonymous.call('bookings.availability', { resourceId: 'cy-painting', date: day(0) });
    expect(slots).toHaveLength(13);
    expect(slots[0]!.start.toISOString()).toBe(at(0, '08:00').toISOString());
    expect(slots.slice(0, 3).map((s) => s.reason)).toEqual(['已过时', '已过时', '已过时']);
    expect(slots[3]).toMatchObject({ bookable: true, left: 1, size: 1 });
  });

  it('a booked slot is gone for a second resident, and free again once cancelled', async () => {
    const [a, b] = await Promise.all([resident(), resident()]);
    const start = at(1, '09:00');
    const booking = await a.call('bookings.create', { resourceId: 'cy-painting', start, purpose: '书法练习', partySize: 4 });
    expect(booking).toMatchObject({ status: 'approved', statusText: '已预约', canCancel: true });
    const slot = async () => (await anonymous.call('bookings.availability', { resourceId: 'cy-painting', date: day(1) })).slots.find((s) => s.start.getTime() === start.getTime())!;
    expect(await slot()).toMatchObject({ left: 0, bookable: false, reason: '已被预约' });
    expect(await errorCodeOf(b.call('bookings.create', { resourceId: 'cy-painting', start }))).toBe(ERRORS.BOOKING_SLOT_TAKEN.code);
    await a.call('bookings.cancel', { id: booking.id });
    expect(await slot()).toMatchObject({ left: 1, bookable: true });
    await expect(b.call('bookings.create', { resourceId: 'cy-painting', start })).resolves.toMatchObject({ status: 'approved' });
  });

  it('holds one slot against many residents booking at once', async () => {
    const crowd = await Promise.all(Array.from({ length: 25 }, resident));
    const start = at(2, '15:00');
    const results = await Promise.allSettled(crowd.map((c) => c.call('bookings.create', { resourceId: 'cy-papercut', start })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: number }).code] : []));
    expect(new Set(codes)).toEqual(new Set([ERRORS.BOOKING_SLOT_TAKEN.code]));
  });

  it('refuses times off the grid, too soon, too far, or on a closed day', async () => {
    const r = await resident();
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-painting', start: at(1, '09:30') }))).toBe(ERRORS.BOOKING_NOT_A_SLOT.code);
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-painting', start: at(0, '10:00') }))).toBe(ERRORS.BOOKING_PAST.code);
    linli.clock.advance(20 * MINUTE);
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-painting', start: at(0, '11:00') }))).toBe(ERRORS.BOOKING_TOO_SOON.code);
    linli.clock.set(TEST_NOW);
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-painting', start: at(15, '09:00') }))).toBe(ERRORS.BOOKING_TOO_FAR.code);
    await expect(r.call('bookings.create', { resourceId: 'cy-painting', start: at(14, '09:00') })).resolves.toBeTruthy();
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-painting', start: at(3, '10:00'), partySize: 40 }))).toBe(ERRORS.BOOKING_PARTY_TOO_LARGE.code);
  });

  describe('in the evening, when today has nothing left', () => {
    it('says how many slots each day still has, so the page opens on the first day with a free one', async () => {
      linli.clock.set(at(0, '21:30').toISOString());
      const { days } = await anonymous.call('bookings.freeDays', { resourceId: 'cy-painting' });
      expect(days[0]).toMatchObject({ date: day(0), slots: 13, free: 0 });
      // Tomorrow: its 13 slots, less any an earlier test here booked.
      expect(days[1]).toMatchObject({ date: day(1), slots: 13 });
      expect(days[1]!.free).toBeGreaterThan(10);
      expect(days.find((d) => d.free > 0)?.date).toBe(day(1));
      // A day the centre closed has slots but none free, with its reason.
      await admin.call('bookings.closeDates', { resourceId: 'cy-painting', close: [{ date: day(2), reason: '消防检查' }] });
      const again = await anonymous.call('bookings.freeDays', { resourceId: 'cy-painting' });
      expect(again.days[2]).toMatchObject({ date: day(2), free: 0, closedReason: '消防检查' });
      await admin.call('bookings.closeDates', { resourceId: 'cy-painting', reopen: [day(2)] });
    });
  });

  it('closing a day cancels its bookings and tells the residents; the day then takes none', async () => {
    const r = await resident();
    const booking = await r.call('bookings.create', { resourceId: 'cy-choir', start: at(4, '09:00') });
    const resource = await admin.call('bookings.closeDates', { resourceId: 'cy-choir', close: [{ date: day(4), reason: '设备检修' }] });
    expect(resource.closedDates).toEqual([{ date: day(4), reason: '设备检修' }]);
    const mine = await r.call('bookings.mine', {});
    expect(mine.bookings.find((b) => b.id === booking.id)).toMatchObject({ status: 'cancelled', statusText: '已取消' });
    expect((await messagesFor(linli.services.db, r.userId!)).map((m) => JSON.parse(m.data).thing4)).toContain('当天暂停开放（设备检修），预约已取消');
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-choir', start: at(4, '10:00') }))).toBe(ERRORS.BOOKING_CLOSED_DATE.code);
    const { closedReason, slots } = await anonymous.call('bookings.availability', { resourceId: 'cy-choir', date: day(4) });
    expect(closedReason).toBe('设备检修');
    expect(slots.every((s) => s.reason === '暂停开放')).toBe(true);
    await admin.call('bookings.closeDates', { resourceId: 'cy-choir', reopen: [day(4)] });
    await expect(r.call('bookings.create', { resourceId: 'cy-choir', start: at(4, '10:00') })).resolves.toBeTruthy();
  });

  it('counts the weekly quota in the same transaction, even for racing taps', async () => {
    const r = await resident();
    const starts = ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00'].map((t) => at(1, t));
    const results = await Promise.allSettled(starts.map((start) => r.call('bookings.create', { resourceId: 'cy-reading', start })));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((x) => x.status === 'rejected').every((x) => (x as PromiseRejectedResult).reason.code === ERRORS.BOOKING_QUOTA.code)).toBe(true);
    // Next week is a new week.
    await expect(r.call('bookings.create', { resourceId: 'cy-reading', start: at(7, '09:00') })).resolves.toBeTruthy();
  });

  it('rescheduling is all or nothing: a taken slot leaves the old one held', async () => {
    const [a, b] = await Promise.all([resident(), resident()]);
    const x = await a.call('bookings.create', { resourceId: 'cy-dance', start: at(2, '09:00') });
    await b.call('bookings.create', { resourceId: 'cy-dance', start: at(2, '10:00') });
    expect(await errorCodeOf(a.call('bookings.reschedule', { id: x.id, start: at(2, '10:00') }))).toBe(ERRORS.BOOKING_SLOT_TAKEN.code);
    const grid09 = async () => (await anonymous.call('bookings.availability', { resourceId: 'cy-dance', date: day(2) })).slots;
    expect((await grid09()).find((s) => s.start.getTime() === at(2, '09:00').getTime())!.left).toBe(0);
    const moved = await a.call('bookings.reschedule', { id: x.id, start: at(2, '11:00') });
    expect(moved.start.toISOString()).toBe(at(2, '11:00').toISOString());
    const slots = await grid09();
    expect(slots.find((s) => s.start.getTime() === at(2, '09:00').getTime())!.left).toBe(1);
    expect(slots.find((s) => s.start.getTime() === at(2, '11:00').getTime())!.left).toBe(0);
    expect(moved.timeline.map((t) => t.text)).toEqual(['已预约', '已改约']);
  });

  it('only the resident who booked cancels or moves it; a neighbour or a grid worker is told it does not exist', async () => {
    const owner = await resident();
    const neighbour = await resident();
    const b = await owner.call('bookings.create', { resourceId: 'cy-painting', start: at(3, '15:00') });
    for (const other of [neighbour, grid]) {
      expect(await errorCodeOf(other.call('bookings.cancel', { id: b.id }))).toBe(ERRORS.NOT_FOUND.code);
      expect(await errorCodeOf(other.call('bookings.reschedule', { id: b.id, start: at(3, '16:00') }))).toBe(ERRORS.NOT_FOUND.code);
    }
    expect((await owner.call('bookings.mine', {})).bookings.find((x) => x.id === b.id)).toMatchObject({ status: 'approved', start: at(3, '15:00') });
  });

  it('cannot cancel after the cut-off', async () => {
    const r = await resident();
    const b = await r.call('bookings.create', { resourceId: 'cy-chess', start: at(0, '14:00') });
    linli.clock.advance(2 * HOUR + 30 * MINUTE);
    expect(await errorCodeOf(r.call('bookings.cancel', { id: b.id }))).toBe(ERRORS.BOOKING_CANCEL_CUTOFF.code);
  });
});

describe('approval', () => {
  it('a booking awaiting approval holds its slot; approve or reject tells the resident', async () => {
    const [a, b, c] = await Promise.all([resident(), resident(), resident()]);
    const start = at(3, '14:00');
    const pending = await a.call('bookings.create', { resourceId: 'cy-party', start, purpose: '支部学习' });
    expect(pending).toMatchObject({ status: 'pending', statusText: '待审核' });
    expect(await errorCodeOf(b.call('bookings.create', { resourceId: 'cy-party', start }))).toBe(ERRORS.BOOKING_SLOT_TAKEN.code);
    expect((await admin.call('bookings.pending', {})).map((p) => p.id)).toContain(pending.id);
    const kangle = await signIn('admin-kangle');
    expect(await errorCodeOf(kangle.call('bookings.approve', { id: pending.id }))).toBe(ERRORS.NOT_FOUND.code);
    expect(await admin.call('bookings.approve', { id: pending.id })).toMatchObject({ status: 'approved' });
    expect(await errorCodeOf(admin.call('bookings.approve', { id: pending.id }))).toBe(ERRORS.BOOKING_NOT_ALLOWED_NOW.code);

    const other = await c.call('bookings.create', { resourceId: 'cy-party', start: at(3, '16:00') });
    const rejected = await admin.call('bookings.reject', { id: other.id, reason: '当天有上级检查' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '当天有上级检查' });
    await expect(b.call('bookings.create', { resourceId: 'cy-party', start: at(3, '16:00') })).resolves.toBeTruthy();
    const notes = async (cl: Client) => (await messagesFor(linli.services.db, cl.userId!)).map((m) => JSON.parse(m.data).thing4);
    expect(await notes(a)).toContain('审核通过，请按时前来');
    expect(await notes(c)).toContain('未通过：当天有上级检查');
  });
});

describe('what a booking queues', () => {
  it('tells the resident it is booked and, the day before, reminds them; stored with the booking, once each', async () => {
    const r = await resident();
    const start = at(3, '10:00');
    const booking = await r.call('bookings.create', { resourceId: 'cy-painting', start });
    const mine = (await messagesFor(linli.services.db, r.userId!)).filter((m) => m.dedupe_key.startsWith(`booking:${booking.id}:`));
    expect(mine.map((m) => [JSON.parse(m.data).thing4, m.status, m.not_before]).sort()).toEqual(
      [
        ['预约成功，请按时前来', 'pending', TEST_NOW],
        ['明天就是预约时间，请按时前来', 'pending', new Date(start.getTime() - DAY).toISOString()],
      ].sort(),
    );
    expect(mine.every((m) => m.page === `packages/bookings/mine/index?id=${booking.id}` && m.attempts === 0)).toBe(true);
  });
});

describe('no-shows', () => {
  it('three no-shows in 30 days suspend room booking for 14 days, visibly; the hall still works', async () => {
    const r = await resident();
    const starts = [at(1, '09:00'), at(2, '09:00'), at(3, '09:00')];
    const bookings = [];
    for (const start of starts) bookings.push(await r.call('bookings.create', { resourceId: 'cy-fitness', start }));
    linli.clock.set(new Date(starts[0]!.getTime() + 10 * MINUTE));
    expect(await errorCodeOf(grid.call('bookings.markNoShow', { id: bookings[0]!.id }))).toBe(ERRORS.BOOKING_NOSHOW_TOO_EARLY.code);
    for (const [i, start] of starts.entries()) {
      linli.clock.set(new Date(start.getTime() + 16 * MINUTE));
      expect(await grid.call('bookings.markNoShow', { id: bookings[i]!.id })).toMatchObject({ status: 'no_show', statusText: '未到场' });
    }
    const { suspendedUntil } = await r.call('bookings.mine', {});
    expect(suspendedUntil?.getTime()).toBe(starts[2]!.getTime() + 16 * MINUTE + 14 * DAY);
    expect(await errorCodeOf(r.call('bookings.create', { resourceId: 'cy-chess', start: at(5, '10:00') }))).toBe(ERRORS.BOOKING_SUSPENDED.code);
    await expect(r.call('bookings.create', { resourceId: 'cy-hall-residence', start: at(4, '09:00') })).resolves.toBeTruthy();
    // With no booking left to show, the page still says so (read apart from the empty page).
    linli.clock.set(new Date(at(5, '09:00').getTime()));
    expect(await r.call('bookings.mine', {})).toMatchObject({ bookings: [], suspendedUntil: new Date(starts[2]!.getTime() + 16 * MINUTE + 14 * DAY) });
  });
});

describe('我的预约 page by page', () => {
  it('pages through upcoming bookings soonest first and past ones latest first, each once, with timelines', async () => {
    const r = await resident();
    const starts = [1, 2, 3, 4, 7].map((d) => at(d, '09:00'));
    const made = [];
    for (const start of starts) made.push(await r.call('bookings.create', { resourceId: 'cy-hall-residence', start }));
    const pages: Array<Array<{ id: string; start: Date; timeline: Array<{ text: string }>; documents: string[] }>> = [];
    let cursor: string | undefined;
    do {
      const page = await r.call('bookings.mine', { when: 'upcoming', limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.bookings);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((b) => b.id)).toEqual(made.map((b) => b.id));
    // Each item as a whole list shows it: its timeline and what to bring.
    expect(pages.flat()[0]).toMatchObject({ timeline: [{ text: '已预约' }], documents: made[0]!.documents });

    linli.clock.set(new Date(starts[4]!.getTime() + DAY));
    const upcoming = await r.call('bookings.mine', { when: 'upcoming' });
    expect([upcoming.bookings, upcoming.nextCursor]).toEqual([[], null]);
    const first = await r.call('bookings.mine', { when: 'past', limit: 3 });
    const rest = await r.call('bookings.mine', { when: 'past', limit: 3, cursor: first.nextCursor! });
    expect([...first.bookings, ...rest.bookings].map((b) => b.id)).toEqual(made.map((b) => b.id).reverse());
    expect(rest.nextCursor).toBeNull();
  });

  it('a cursor that was tampered with is a coded error, not a wrong page', async () => {
    const r = await resident();
    expect(await errorCodeOf(r.call('bookings.mine', { cursor: 'bm90LWEtY3Vyc29y' }))).toBe(ERRORS.INVALID_INPUT.code);
  });
});

describe('when an admin changes a day while a resident books it', () => {
  it('a booking checked before the day closed and written after it is refused, and holds no place', async () => {
    const r = await resident();
    const start = at(5, '09:00');
    const services = interleaved(linli.services, () => admin.call('bookings.closeDates', { resourceId: 'cy-painting', close: [{ date: day(5), reason: '临时停电' }] }));
    const booking = createBooking.handler({ resourceId: 'cy-painting', start, purpose: '', partySize: 1 }, { services, caller: residentOf(r), ip: '127.0.0.1' });
    expect(await errorCodeOf(booking)).toBe(ERRORS.BOOKING_CLOSED_DATE.code);
    expect(services.interleaved()).toBe(true);
    expect((await r.call('bookings.mine', {})).bookings).toEqual([]);
    await admin.call('bookings.closeDates', { resourceId: 'cy-painting', reopen: [day(5)] });
    const slot = (await anonymous.call('bookings.availability', { resourceId: 'cy-painting', date: day(5) })).slots.find((x) => x.start.getTime() === start.getTime());
    expect(slot).toMatchObject({ left: 1, bookable: true });
  });

  it('a move checked before the new day closed and written after it is refused, and the booking stays where it was', async () => {
    const r = await resident();
    const booking = await r.call('bookings.create', { resourceId: 'cy-painting', start: at(6, '09:00') });
    const services = interleaved(linli.services, () => admin.call('bookings.closeDates', { resourceId: 'cy-painting', close: [{ date: day(8), reason: '临时停电' }] }));
    const move = rescheduleBooking.handler({ id: booking.id, start: at(8, '09:00') }, { services, caller: residentOf(r), ip: '127.0.0.1' });
    expect(await errorCodeOf(move)).toBe(ERRORS.BOOKING_CLOSED_DATE.code);
    expect((await r.call('bookings.mine', {})).bookings.map((b) => [b.id, b.start.toISOString(), b.status])).toEqual([[booking.id, at(6, '09:00').toISOString(), 'approved']]);
    await admin.call('bookings.closeDates', { resourceId: 'cy-painting', reopen: [day(8)] });
  });

  it('a cancellation checked before staff recorded the arrival and written after it is refused', async () => {
    const r = await resident();
    const booking = await r.call('bookings.create', { resourceId: 'cy-hall-allowance', start: at(1, '15:00') });
    const services = interleaved(linli.services, () => grid.call('bookings.advance', { id: booking.id, to: 'arrived' }));
    expect(await errorCodeOf(cancelBooking.handler({ id: booking.id }, { services, caller: residentOf(r), ip: '127.0.0.1' }))).toBe(ERRORS.BOOKING_NOT_ALLOWED_NOW.code);
    expect((await r.call('bookings.mine', {})).bookings).toMatchObject([{ id: booking.id, status: 'checked_in', step: 'arrived' }]);
  });

  it('of many bookings racing the closing of their day, none is left standing on the closed day', async () => {
    const crowd = await Promise.all(Array.from({ length: 6 }, resident));
    const starts = ['09:00', '10:00', '11:00', '14:00', '15:00', '16:00'].map((t) => at(9, t));
    const results = await Promise.allSettled([
      ...crowd.map((c, i) => c.call('bookings.create', { resourceId: 'cy-painting', start: starts[i]! })),
      admin.call('bookings.closeDates', { resourceId: 'cy-painting', close: [{ date: day(9), reason: '消防检查' }] }),
    ]);
    expect(results.at(-1)!.status).toBe('fulfilled');
    for (const [i, c] of crowd.entries()) {
      const mine = (await c.call('bookings.mine', {})).bookings;
      if (results[i]!.status === 'fulfilled') expect(mine).toMatchObject([{ status: 'cancelled' }]);
      else expect([(results[i] as PromiseRejectedResult).reason.code, mine]).toEqual([ERRORS.BOOKING_CLOSED_DATE.code, []]);
    }
  });
});

describe('the service hall', () => {
  it('a window takes its size and no more, under concurrency', async () => {
    const crowd = await Promise.all(Array.from({ length: 10 }, resident));
    const start = at(1, '09:00');
    const results = await Promise.allSettled(crowd.map((c) => c.call('bookings.create', { resourceId: 'cy-hall-pension', start })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const { slots } = await anonymous.call('bookings.availability', { resourceId: 'cy-hall-pension', date: day(1) });
    expect(slots.find((s) => s.start.getTime() === start.getTime())).toMatchObject({ size: 3, left: 0, reason: '已约满' });
  });

  it('a matter moves through its steps, each on the timeline the resident follows and each told', async () => {
    const r = await resident();
    const start = at(0, '15:00');
    const booking = await r.call('bookings.create', { resourceId: 'cy-hall-allowance', start });
    expect(booking).toMatchObject({ step: 'booked', stepText: '已预约', documents: ['老人身份证', '户口本', '本人银行卡'] });
    expect(await errorCodeOf(grid.call('bookings.advance', { id: booking.id, to: 'done' }))).toBe(ERRORS.BOOKING_NOT_ALLOWED_NOW.code);
    linli.clock.set(start);
    await grid.call('bookings.checkIn', { id: booking.id });
    await grid.call('bookings.advance', { id: booking.id, to: 'processing' });
    expect(await errorCodeOf(grid.call('bookings.advance', { id: booking.id, to: 'needs_material' }))).toBe(ERRORS.INVALID_INPUT.code);
    await grid.call('bookings.advance', { id: booking.id, to: 'needs_material', missingMaterials: ['本人银行卡复印件'] });
    const waiting = (await r.call('bookings.mine', {})).bookings.find((b) => b.id === booking.id)!;
    expect(waiting).toMatchObject({ stepText: '需补材料', missingMaterials: ['本人银行卡复印件'], canCancel: false });
    await grid.call('bookings.advance', { id: booking.id, to: 'processing', note: '材料已补齐' });
    await grid.call('bookings.advance', { id: booking.id, to: 'done', note: '已提交区民政局' });
    linli.clock.set(new Date(start.getTime() + HOUR));
    const done = (await r.call('bookings.mine', { when: 'past' })).bookings.find((b) => b.id === booking.id)!;
    expect(done.timeline.map((t) => t.text)).toEqual(['已预约', '已到场', '受理中', '需补材料', '受理中', '已办结']);
    expect(done.timeline.at(-1)).toMatchObject({ note: '已提交区民政局', byName: '刘建国' });
    const notes = (await messagesFor(linli.services.db, r.userId!)).map((m) => JSON.parse(m.data).thing4);
    expect(notes).toEqual(expect.arrayContaining(['需补材料：请补充：本人银行卡复印件', '已办结：已提交区民政局']));
  });

  it("staff see their community's day, and only theirs", async () => {
    const r = await resident();
    await r.call('bookings.create', { resourceId: 'cy-hall-elderly-card', start: at(0, '16:00') });
    const today = await grid.call('bookings.today', {});
    expect(today.some((b) => b.resourceName === '老年优待证' && b.residentName === '微信用户')).toBe(true);
    const kangleAgent = await signIn('agent-kangle');
    expect((await kangleAgent.call('bookings.today', {})).some((b) => b.resourceName === '老年优待证')).toBe(false);
    expect(await errorCodeOf(kangleAgent.call('bookings.today', { communityId: 'chaoyang' }))).toBe(ERRORS.OUT_OF_SCOPE.code);
  });
});

describe('resource management', () => {
  it('an admin sets up a room in their own centre, not in another', async () => {
    const room = await admin.call('bookings.saveResource', {
      centerId: 'chaoyang-center',
      kind: 'room',
      name: '手工编织室',
      capacity: 10,
      hours: { '6': [{ start: '09:00', end: '12:00' }] },
      slotMinutes: 90,
    });
    const saturday = day(5);
    const { slots } = await anonymous.call('bookings.availability', { resourceId: room.id, date: saturday });
    expect(slots.map((s) => s.end.getTime() - s.start.getTime())).toEqual([90 * MINUTE, 90 * MINUTE]);
    expect(await errorCodeOf(admin.call('bookings.saveResource', { centerId: 'kangle-center', kind: 'room', name: '越权', hours: {} }))).toBe(ERRORS.OUT_OF_SCOPE.code);
    expect(
      await errorCodeOf(admin.call('bookings.saveResource', { centerId: 'chaoyang-center', kind: 'room', name: '错时', hours: { '1': [{ start: '12:00', end: '09:00' }] } })),
    ).toBe(ERRORS.BOOKING_RESOURCE_INVALID.code);
  });
});
