import type { z } from 'zod';
import { AppError, ERRORS } from '../../types';
import type { CreateEventInput, EventDetail } from '../../types/events';
import { HOUR } from '../core/clock';
import { messagesFor } from '../notifications/outbox.storage';
import { isPostgres, openDatabase, type Db } from '../storage/dialect';
import { withStatementsListed } from '../storage/statements-listed';
import { clinicEventInput } from '../testing/events';
import { someoneWaitsForALock } from '../testing/faults.storage';
import { anonymous, errorCodeOf, signIn, startTestLinli, type Client, type TestLinli } from '../testing/linli';
import { signupRefusal } from './events.permissions';
import { registerResident, type SignupFacts } from './events.storage';
import { seatMessages } from './lib/event-messages';
import { timingOf } from './lib/event-view';

/**
 * On PostgreSQL the new sign-ups of one turn of the event loop are ONE statement, whatever their
 * events (events.storage.ts, `signUpsOfTurn`): each event's free seats go to its first sign-ups
 * in the order they came, the rest take the next waitlist places, only seats queue messages,
 * and whatever the statement may not write (a second tap, a registration already there, an
 * event changed, a race with another host) goes the long way, with the same answers a sign-up
 * alone would get. On SQLite every sign-up is its own transaction (group commit batches them);
 * the answers asserted here hold on both.
 */
let linli: TestLinli;
let admin: Client;
beforeAll(async () => {
  linli = await startTestLinli();
  admin = await signIn('admin');
});
afterAll(() => linli.stop());

async function publishedEvent(over: Partial<z.input<typeof CreateEventInput>> = {}, inHours = 72): Promise<EventDetail> {
  const start = new Date(linli.clock.now().getTime() + inHours * HOUR);
  const created = await admin.call('events.create', clinicEventInput(start, { title: '社区消防安全讲座', category: '讲座', venue: '党群服务中心二楼会议室', cancelCutoffMinutes: 120, ...over }));
  return admin.call('events.publish', { id: created.id });
}

const residents = (prefix: string, n: number) => Promise.all(Array.from({ length: n }, (_, i) => signIn(`${prefix}-${i}`)));

/** The handle with the sign-up statements it sends counted (the batched one, and the long way's seat). */
function counting(db: Db): { db: Db; batched: () => number; alone: () => number } {
  const { db: counted, sent } = withStatementsListed(db, (node) => {
    const text = JSON.stringify(node);
    return text.includes('jsonb_to_recordset(') ? 'batched' : node.kind === 'UpdateQueryNode' && text.includes('"events"') ? 'alone' : 'other';
  });
  return { db: counted, batched: () => sent.filter((s) => s === 'batched').length, alone: () => sent.filter((s) => s === 'alone').length };
}

/** A sign-up as events.register makes it, on `db`: the event's sign-up rules, `rule` too if given, and the messages a seat queues. */
function signUp(db: Db, eventId: string, userId: string, rule?: (event: SignupFacts) => void) {
  const now = linli.clock.now();
  const admit = (row: SignupFacts) => {
    const refusal = signupRefusal(timingOf(row), now);
    if (refusal) throw new AppError(refusal);
    rule?.(row);
  };
  return registerResident(db, {
    eventId,
    userId,
    sharedBy: null,
    code: `C${Math.random().toString(36).slice(2, 9).toUpperCase()}`,
    now,
    notify: (kind, reg, row) => seatMessages(linli.services.config, row, reg, kind, now),
    admit,
  });
}

/** Shows this process the event (the first sign-up of an event goes the long way). */
async function seen(event: EventDetail): Promise<void> {
  const [first] = await residents(`seen-${event.id}`, 1);
  await first!.call('events.register', { eventId: event.id });
}

async function stored(eventId: string) {
  const { registrants } = await admin.call('events.registrants', { eventId });
  return registrants;
}

it('sign-ups of one turn over three events are one statement: seats in the order they came, then waitlist places, messages for seats only', async () => {
  const small = await publishedEvent({ capacity: 3 });
  const open = await publishedEvent({ capacity: 0 });
  const full = await publishedEvent({ capacity: 1 });
  for (const e of [small, open, full]) await seen(e);
  const crowd = await residents('turn-three', 9);
  const { db, batched, alone } = counting(linli.services.db);
  const asked = crowd.map((c, i) => ({ c, event: [small, small, open, small, full, small, open, small, full][i]! }));
  const answers = await Promise.all(asked.map(({ c, event }) => signUp(db, event.id, c.userId!)));
  if (isPostgres(linli.services.db)) expect([batched(), alone()]).toEqual([1, 0]);

  // `small` had 2 seats left (one taken by `seen`): its 1st and 2nd sign-ups of the turn take
  // them, the 3rd and 4th wait at places 1 and 2. `open` has no limit; `full` was full.
  const summary = answers.map((a) => [a.registration.status, a.registration.waitlist_no, a.created]);
  expect(summary).toEqual([
    ['confirmed', null, true],
    ['confirmed', null, true],
    ['confirmed', null, true],
    ['waitlisted', 1, true],
    ['waitlisted', 1, true],
    ['waitlisted', 2, true],
    ['confirmed', null, true],
    ['waitlisted', 3, true],
    ['waitlisted', 2, true],
  ]);
  // What each was answered is what is stored, and the counts agree with the rows.
  for (const event of [small, open, full]) {
    const rows = await stored(event.id);
    for (const [i, { event: e }] of asked.entries()) {
      if (e.id !== event.id) continue;
      expect(rows.find((r) => r.registrationId === answers[i]!.registration.id)).toMatchObject({ status: answers[i]!.registration.status });
    }
  }
  expect(await anonymous.call('events.get', { id: small.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 3 });
  expect(await anonymous.call('events.get', { id: full.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 2 });
  expect((await stored(open.id)).filter((r) => r.status === 'confirmed')).toHaveLength(3);
  // The seats queued their three messages each (confirmation, a day and an hour before); places none.
  for (const [i, { c }] of asked.entries()) {
    const keys = (await messagesFor(linli.services.db, c.userId!)).map((m) => m.dedupe_key);
    if (answers[i]!.registration.status === 'confirmed') {
      expect(keys).toHaveLength(3);
      for (const key of keys) expect(key).toContain(`:reg:${answers[i]!.registration.id}:`);
    } else expect(keys).toEqual([]);
  }
  // The residents see their own places, as one sign-up alone would have told them.
  expect((await crowd[7]!.call('events.get', { id: small.id })).mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
});

it('a second tap in the same turn, and a resident registered before, get their one registration; nothing is doubled', async () => {
  const event = await publishedEvent({ capacity: 5 });
  await seen(event);
  const [twice, before, other] = await residents('turn-twice', 3);
  const earlier = await before!.call('events.register', { eventId: event.id });
  const answers = await Promise.all([signUp(linli.services.db, event.id, twice!.userId!), signUp(linli.services.db, event.id, twice!.userId!), signUp(linli.services.db, event.id, before!.userId!), signUp(linli.services.db, event.id, other!.userId!)]);
  expect(answers[1]!.registration.id).toBe(answers[0]!.registration.id);
  expect(answers.map((a) => a.created)).toEqual([true, false, false, true]);
  expect(answers[2]!.registration.id).toBe(earlier.id);
  const rows = await stored(event.id);
  expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(4);
  expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 1 });
  expect(await messagesFor(linli.services.db, twice!.userId!)).toHaveLength(3);
});

it('in a turn with a sign-up its own rule refuses and one for an event cancelled meanwhile, those are refused alone', async () => {
  const kept = await publishedEvent({ capacity: 4 });
  const cancelled = await publishedEvent({ capacity: 4 });
  for (const e of [kept, cancelled]) await seen(e);
  // This process still holds the facts it saw: the sign-ups are checked on them, and the
  // statement finds the event changed and writes nothing of those.
  await admin.call('events.cancel', { id: cancelled.id, reason: '场地维修' });
  const crowd = await residents('turn-refused', 4);
  const outcomes = await Promise.allSettled([
    signUp(linli.services.db, kept.id, crowd[0]!.userId!),
    signUp(linli.services.db, kept.id, crowd[1]!.userId!, () => {
      throw new Error('refused by its own rule');
    }),
    signUp(linli.services.db, cancelled.id, crowd[2]!.userId!),
    signUp(linli.services.db, kept.id, crowd[3]!.userId!),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect(await errorCodeOf(Promise.reject((outcomes[2] as PromiseRejectedResult).reason))).toBe(ERRORS.EVENT_CANCELLED.code);
  expect((await stored(kept.id)).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
  expect(await stored(cancelled.id)).toHaveLength(1);
  for (const i of [1, 2]) expect(await messagesFor(linli.services.db, crowd[i]!.userId!)).toEqual([]);
});

// Two writers in one process are a PostgreSQL matter: SQLite's second connection would wait for
// the first inside better-sqlite3's synchronous busy handler, holding up the very event loop that
// was to commit it.
(process.env.LINLI_TEST_PG_URL ? it : it.skip)("another host's sign-up of the same resident, committed while the turn's statement waited, sends every sign-up of the turn the long way, each right", async () => {
  const event = await publishedEvent({ capacity: 3 });
  await seen(event);
  const crowd = await residents('turn-race', 3);
  const other = openDatabase(linli.testDatabase.url);
  try {
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    // The other host takes a seat for crowd[0] and holds the event's row until told to commit.
    const otherHost = other.db.transaction().execute(async (tx) => {
      await tx.updateTable('events').set((eb) => ({ confirmed_count: eb('confirmed_count', '+', 1) })).where('id', '=', event.id).execute();
      const at = linli.clock.now().toISOString();
      await tx
        .insertInto('event_registrations')
        .values({ id: 'other-host-reg', event_id: event.id, user_id: crowd[0]!.userId!, checkin_code: 'OTHERHST', shared_by: null, created_at: at, status: 'confirmed', waitlist_no: null, checked_in_at: null, checked_in_by: null, updated_at: at })
        .execute();
      began();
      await held;
    });
    await begun;
    const { db, batched, alone } = counting(linli.services.db);
    const answers = Promise.all(crowd.map((c) => signUp(db, event.id, c.userId!)));
    // Commit only once the turn's statement waits for the event's lock.
    expect(await someoneWaitsForALock(linli.services.db)).toBe(true);
    commit();
    await otherHost;
    const [first, ...rest] = await answers;
    expect(first).toMatchObject({ created: false, registration: { id: 'other-host-reg', status: 'confirmed' } });
    expect(rest.map((a) => [a.created, a.registration.status])).toEqual([
      [true, 'confirmed'],
      [true, 'waitlisted'],
    ]);
    // The turn's statement was sent and failed on the unique (event, user): all three went the
    // long way (its event updates: a seat each for the first two, a seat refused and a place for the third).
    expect([batched(), alone()]).toEqual([1, 4]);
    const rows = await stored(event.id);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3);
    expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 1 });
    expect(await messagesFor(linli.services.db, crowd[0]!.userId!)).toEqual([]);
  } finally {
    await other.close();
  }
});

it('a crowd of 60 on one event of 20 seats: exactly 20 seats, places 1..40, in a few statements', async () => {
  const event = await publishedEvent({ capacity: 20 });
  const crowd = await residents('turn-crowd', 60);
  const { db, batched } = counting(linli.services.db);
  const answers = await Promise.all(crowd.map((c) => signUp(db, event.id, c.userId!)));
  if (isPostgres(linli.services.db)) expect(batched()).toBeLessThanOrEqual(3);
  expect(answers.filter((a) => a.registration.status === 'confirmed')).toHaveLength(20);
  expect(
    answers
      .map((a) => a.registration.waitlist_no)
      .filter((n) => n !== null)
      .sort((a, b) => a! - b!),
  ).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(await anonymous.call('events.get', { id: event.id })).toMatchObject({ seatsLeft: 0, waitlistLength: 40 });
});
