import { sql, type ExpressionBuilder } from 'kysely';
import { AppError } from '../../types';
import { newId } from '../core/crypto';
import { enqueue, messageRows, skipPending, type OutgoingMessage } from '../notifications/outbox.storage';
import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import { isGroupCommitted, isPostgres, type Db } from '../storage/dialect';
import { queuedMessageList } from '../storage/queued-messages';
import { oneAtATimePerKey, refusedForItsRows, turnBatches } from '../storage/turn-batches';
import type { Database, EventRegistrationsTable, EventsTable } from '../storage/schema';
import { EVENT_MOVES } from './events.permissions';

export type EventRow = EventsTable & { scope_name: string; scope_level: string; waitlist_length: number };
export type RegistrationRow = EventRegistrationsTable;

const ACTIVE = ['confirmed', 'waitlisted'];
/**
 * In a compiled statement's SQL as a literal, not a parameter: PostgreSQL runs compiled
 * queries as prepared statements, and a generic plan that does not know `status = $1` counts
 * an event's waitlist by visiting every registration of the event, not by the
 * (event_id, status, waitlist_no) index (events.mine, 50 rows: 7 ms instead of 0.5).
 */
const WAITLISTED = sql.lit('waitlisted');

function eventsWithScope(db: Db) {
  return db
    .selectFrom('events as e')
    .innerJoin('regions as r', 'r.id', 'e.scope_id')
    .selectAll('e')
    .select(['r.name as scope_name', 'r.level as scope_level'])
    .select((eb) =>
      eb
        .selectFrom('event_registrations as w')
        .whereRef('w.event_id', '=', 'e.id')
        .where('w.status', '=', 'waitlisted')
        .select(eb.fn.countAll<number>().as('n'))
        .as('waitlist_length'),
    );
}

const withCount = <T extends { waitlist_length: number | string | null }>(row: T) => ({
  ...row,
  waitlist_length: Number(row.waitlist_length ?? 0),
});

export async function getEventRow(db: Db, id: string): Promise<EventRow | undefined> {
  const row = await eventsWithScope(db).where('e.id', '=', id).executeTakeFirst();
  return row && withCount(row);
}

export interface EventCursor {
  startsAt: string;
  id: string;
}

interface EventListShape {
  when: 'upcoming' | 'ongoing' | 'past';
  scopes: number;
  category: boolean;
  after: boolean;
}

/** What an event's summary shows (lib/event-view.ts toEventSummary): not its description, partners or report. */
export type EventSummaryRow = Pick<
  EventRow,
  | 'id' | 'title' | 'category' | 'scope_id' | 'scope_name' | 'venue' | 'starts_at' | 'ends_at' | 'signup_opens_at' | 'signup_closes_at'
  | 'capacity' | 'confirmed_count' | 'waitlist_length' | 'requires_signup' | 'state'
>;

/** events.list, compiled once per shape (cloud/storage/compiled-query.ts). */
const eventList = compiledShapes((shape: EventListShape) =>
  compiledQuery((db, p: { now: string; scope0: string; scope1: string; category: string; startsAt: string; id: string; limit: number }) => {
    let query = db
      .selectFrom('events as e')
      .innerJoin('regions as r', 'r.id', 'e.scope_id')
      // The summary's columns only: each value read costs, and an event's description is most of its row.
      .select(['e.id', 'e.title', 'e.category', 'e.scope_id', 'e.venue', 'e.starts_at', 'e.ends_at', 'e.signup_opens_at', 'e.signup_closes_at'])
      .select(['e.capacity', 'e.confirmed_count', 'e.requires_signup', 'e.state', 'r.name as scope_name'])
      .select((eb) =>
        eb
          .selectFrom('event_registrations as w')
          .whereRef('w.event_id', '=', 'e.id')
          .where('w.status', '=', WAITLISTED)
          .select(eb.fn.countAll<number>().as('n'))
          .as('waitlist_length'),
      )
      .where('e.state', 'in', ['published', 'cancelled', 'closed'])
      .limit(p.limit);
    if (shape.when === 'upcoming') {
      query = query.where('e.starts_at', '>', p.now).where('e.state', '!=', 'closed').orderBy('e.starts_at', 'asc').orderBy('e.id', 'asc');
    } else if (shape.when === 'ongoing') {
      query = query
        .where('e.starts_at', '<=', p.now)
        .where('e.ends_at', '>', p.now)
        .where('e.state', '=', 'published')
        .orderBy('e.starts_at', 'asc')
        .orderBy('e.id', 'asc');
    } else {
      query = query
        .where((eb) => eb.or([eb('e.ends_at', '<=', p.now), eb('e.state', '=', 'closed')]))
        .orderBy('e.starts_at', 'desc')
        .orderBy('e.id', 'desc');
    }
    if (shape.scopes > 0) query = query.where('e.scope_id', 'in', [p.scope0, p.scope1].slice(0, shape.scopes));
    if (shape.category) query = query.where('e.category', '=', p.category);
    if (shape.after) {
      const cmp = shape.when === 'past' ? '<' : '>';
      // A row value the (starts_at, id, …) index enters at the cursor; an OR chain it cannot.
      query = query.where(sql<boolean>`(e.starts_at, e.id) ${sql.raw(cmp)} (${p.startsAt}, ${p.id})`);
    }
    return query;
  }),
);

export async function listEventRows(
  db: Db,
  q: { when: 'upcoming' | 'ongoing' | 'past'; now: Date; scopeIds?: string[]; category?: string; after?: EventCursor; limit: number },
): Promise<EventSummaryRow[]> {
  const scopes = q.scopeIds ? [...new Set(q.scopeIds)] : undefined;
  if (scopes && scopes.length === 0) return [];
  if (scopes && scopes.length > 2) throw new Error('a reader sees at most two scopes (their community and the district)');
  const shape: EventListShape = { when: q.when, scopes: scopes?.length ?? 0, category: Boolean(q.category), after: q.after !== undefined };
  const rows = await eventList(shape).all(db, {
    now: q.now.toISOString(),
    scope0: scopes?.[0] ?? '',
    scope1: scopes?.[1] ?? '',
    category: q.category ?? '',
    startsAt: q.after?.startsAt ?? '',
    id: q.after?.id ?? '',
    limit: q.limit,
  });
  return rows.map(withCount);
}

/** Volunteer places are set apart from creation (volunteers.setCapacity); a new event takes none. */
export async function insertEvent(db: Db, row: Omit<EventsTable, 'volunteer_capacity' | 'volunteer_count'> & Partial<Pick<EventsTable, 'volunteer_capacity'>>): Promise<void> {
  await db.insertInto('events').values({ volunteer_capacity: 0, volunteer_count: 0, ...row }).execute();
}

/** Writes the changes while the event is still in one of `from` (false when it moved meanwhile). */
/**
 * Writes an admin's change in one conditional statement: only while the event is in one of
 * the `from` states, and a new capacity (0 = unlimited) only when it still holds everyone
 * confirmed. Either condition failing changes nothing (false); the caller reads which.
 */
export async function updateEventRow(db: Db, id: string, changes: Partial<Omit<EventsTable, 'id' | 'created_at' | 'created_by'>>, from: readonly string[]): Promise<boolean> {
  let q = db.updateTable('events').set(changes).where('id', '=', id).where('state', 'in', from);
  if (changes.capacity !== undefined && changes.capacity > 0) q = q.where('confirmed_count', '<=', changes.capacity);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getRegistration(db: Db, eventId: string, userId: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function getRegistrationById(db: Db, id: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getRegistrationByCode(db: Db, code: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('checkin_code', '=', code).executeTakeFirst();
}

/** 1-based place in the waitlist. */
export async function waitlistPosition(db: Db, reg: Pick<RegistrationRow, 'event_id' | 'waitlist_no' | 'status'>): Promise<number | null> {
  if (reg.status !== 'waitlisted' || reg.waitlist_no === null) return null;
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', reg.event_id)
    .where('status', '=', 'waitlisted')
    .where('waitlist_no', '<=', reg.waitlist_no)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every change to an event's seats starts by writing its row: PostgreSQL then holds that
 * row's lock until commit, so registrations, cancellations and promotions of one event
 * happen one after another. (SQLite runs one write transaction at a time anyway.)
 */
async function lockEvent(tx: Db, eventId: string): Promise<void> {
  await tx
    .updateTable('events')
    .set({ waitlist_seq: sql`waitlist_seq` })
    .where('id', '=', eventId)
    .execute();
}

/** Takes a seat if one is free; the condition and the count change in one statement. */
async function takeSeat(tx: Db, eventId: string): Promise<boolean> {
  const result = await tx
    .updateTable('events')
    .set({ confirmed_count: sql`confirmed_count + 1` })
    .where('id', '=', eventId)
    .where((eb) => eb.or([eb('capacity', '=', 0), eb('confirmed_count', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type Notify = (kind: 'confirmed' | 'promoted', reg: RegistrationRow) => OutgoingMessage[];

/** The event as a sign-up's first write returns it: its row and its scope's level (who may see a draft). */
export type SignupEvent = EventsTable & { scope_level: string };

/**
 * The first write of a sign-up, which also locks the event's row until commit: a seat if one
 * is free (the condition and the count in one statement), else the next waitlist number.
 * Returns the event as it is now, with its scope's level (a subquery in RETURNING), so the
 * handler needs no read of the event before it; null when there is no such event. The two
 * conditions are each other's opposite; between the two statements (PostgreSQL, another host)
 * a cancellation may free a seat, so a refused waitlist number goes back to the seat.
 */
const scopeLevel = (eb: ExpressionBuilder<Database, 'events'>) =>
  eb.selectFrom('regions').select('regions.level').whereRef('regions.id', '=', 'events.scope_id').as('scope_level');

// A sign-up's statements, built and compiled once per dialect (cloud/storage/compiled-query.ts):
// they run on every sign-up, and rebuilding their Kysely trees was CPU the database did not need.
const seatTaken = compiledQuery((db, p: { eventId: string }) =>
  db
    .updateTable('events')
    .set({ confirmed_count: sql`confirmed_count + 1` })
    .where('id', '=', p.eventId)
    .where((eb) => eb.or([eb('capacity', '=', 0), eb('confirmed_count', '<', eb.ref('capacity'))]))
    .returningAll()
    .returning(scopeLevel),
);
const placeTaken = compiledQuery((db, p: { eventId: string }) =>
  db
    .updateTable('events')
    .set({ waitlist_seq: sql`waitlist_seq + 1` })
    .where('id', '=', p.eventId)
    .where('capacity', '!=', 0)
    .where('confirmed_count', '>=', (eb) => eb.ref('capacity'))
    .returningAll()
    .returning(scopeLevel),
);
/** A registration's columns as a plain object type (the compiled query's values). */
type RegistrationValues = { [K in keyof RegistrationRow]: RegistrationRow[K] };
const registrationInserted = compiledQuery((db, p: RegistrationValues) =>
  db
    .insertInto('event_registrations')
    .values({
      id: p.id,
      event_id: p.event_id,
      user_id: p.user_id,
      checkin_code: p.checkin_code,
      shared_by: p.shared_by,
      created_at: p.created_at,
      status: p.status,
      waitlist_no: p.waitlist_no,
      checked_in_at: p.checked_in_at,
      checked_in_by: p.checked_in_by,
      updated_at: p.updated_at,
    })
    .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
    .returning('id'),
);

async function seatOrPlace(tx: Db, eventId: string): Promise<{ event: SignupEvent; seated: boolean } | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const seated = await seatTaken.takeFirst(tx, { eventId });
    if (seated) return { event: { ...seated, scope_level: seated.scope_level ?? '', confirmed_count: seated.confirmed_count - 1 }, seated: true };
    const waiting = await placeTaken.takeFirst(tx, { eventId });
    if (waiting) return { event: { ...waiting, scope_level: waiting.scope_level ?? '' }, seated: false };
    if (!(await tx.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst())) return null;
  }
  throw new Error(`event ${eventId}: its seats changed three times during one sign-up`);
}

/** Thrown inside a sign-up's transaction to undo the seat it took: the resident was already registered. */
class AlreadyRegistered extends Error {
  constructor(
    readonly registration: RegistrationRow,
    readonly event: SignupEvent,
  ) {
    super('already registered');
  }
}

/**
 * What a sign-up's rules (`admit`) and messages (`notify`) may read of the event. On
 * PostgreSQL a turn's sign-ups are one statement that writes each only while its event still
 * has these values (all but the seat count, which the statement reads as it is once the event
 * is locked), so the rules and the messages are re-checked inside the write (see
 * `signUpsStatement`).
 */
const SIGNUP_FACTS = ['id', 'scope_id', 'title', 'venue', 'state', 'requires_signup', 'starts_at', 'ends_at', 'signup_opens_at', 'signup_closes_at', 'capacity', 'confirmed_count'] as const;
export type SignupFacts = Pick<EventsTable, (typeof SIGNUP_FACTS)[number]> & { scope_level: string };

interface SignUp {
  eventId: string;
  userId: string;
  sharedBy: string | null;
  code: string;
  now: Date;
  /**
   * The messages of a seat; `event` is the row as the sign-up locked it, or (a turn's batched
   * sign-ups on PostgreSQL) the facts this host last saw, which the write checks are still so.
   */
  notify: (kind: 'confirmed' | 'promoted', reg: RegistrationRow, event: SignupFacts) => OutgoingMessage[];
  admit?: (event: SignupFacts) => void;
}

type SignUpResult = { registration: RegistrationRow; created: boolean; event: SignupEvent | null };

/**
 * Registers a resident: a seat while one is free, else the next place in the waitlist.
 * Idempotent: an active registration is returned as it is. The seat count, the registration
 * and its messages are written together or not at all. `admit` sees the event as it is when
 * the write happens (a cancellation or a change of times that committed after the caller's
 * own check) and throws to refuse.
 *
 * On PostgreSQL, once this process has seen the event, the new sign-ups of one turn of the
 * event loop are ONE statement, whatever their events (`signUpsOfTurn`); otherwise, and for
 * each sign-up that statement did not write, it is a transaction of three statements: the seat
 * (or place) with the event row, the registration (its unique (event, user) tells of an
 * earlier one), the messages. A resident already registered finds the seat taken back by the
 * rollback.
 */
export async function registerResident(db: Db, r: SignUp): Promise<SignUpResult> {
  // SQLite runs one writer anyway (and group commit there batches the transactions); on
  // PostgreSQL with group commit turned on, one event's sign-ups share a batch's commit
  // instead of taking turns (cloud/storage/dialect.ts).
  if (!isPostgres(db) || isGroupCommitted(db)) return registerInTransaction(db, r);
  if (!knownFacts.has(r.eventId)) {
    // The first sign-up of a crowd shows the event to all that follow it (they wait here).
    const first = await inTurn(r.eventId, () => (knownFacts.has(r.eventId) ? undefined : registerRemembering(db, r)));
    if (first) return first;
  }
  return (await signUpInTurnBatch(db, r)) ?? inTurn(r.eventId, () => registerRemembering(db, r));
}

async function registerRemembering(db: Db, r: SignUp): Promise<SignUpResult> {
  const result = await registerInTransaction(db, r);
  if (result.event) remember(result.event);
  return result;
}

async function registerInTransaction(db: Db, r: SignUp): Promise<SignUpResult> {
  const at = r.now.toISOString();
  try {
    return await db.transaction().execute(async (tx) => {
      const taken = await seatOrPlace(tx, r.eventId);
      if (!taken) throw new AppError('NOT_FOUND');
      const { event, seated } = taken;
      r.admit?.(event);
      const fields = {
        status: seated ? 'confirmed' : 'waitlisted',
        waitlist_no: seated ? null : event.waitlist_seq,
        checked_in_at: null,
        checked_in_by: null,
        updated_at: at,
      };
      let registration: RegistrationRow = { ...newRegistration(r, at), ...fields };
      const inserted = await registrationInserted.takeFirst(tx, registration);
      if (!inserted) {
        const existing = (await getRegistration(tx, r.eventId, r.userId))!;
        if (ACTIVE.includes(existing.status) || existing.status === 'removed') throw new AlreadyRegistered(existing, event);
        await tx.updateTable('event_registrations').set(fields).where('id', '=', existing.id).execute();
        registration = { ...existing, ...fields };
      }
      if (seated) await enqueue(tx, r.notify('confirmed', registration, event), r.now);
      return { registration, created: true, event };
    });
  } catch (error) {
    if (error instanceof AlreadyRegistered) return { registration: error.registration, created: false, event: error.event };
    if (error instanceof AppError) throw error;
    // Two taps of the same resident raced: the unique (event, user) let one in. Answer with it.
    const winner = await getRegistration(db, r.eventId, r.userId);
    if (winner && ACTIVE.includes(winner.status)) return { registration: winner, created: false, event: null };
    throw error;
  }
}

/**
 * The facts of events this process signed residents up for, as the last sign-up found them:
 * the guess a turn's batched sign-ups are checked and written against. Never trusted: the
 * statement writes only while the event still has exactly these facts.
 */
const knownFacts = new Map<string, SignupFacts>();

/**
 * The sign-ups of one event that go the long way take their turn in this process, one at a time
 * (PostgreSQL): the first sign-up of a crowd shows the event to all that follow it (they then
 * join a turn's batch instead), and a crowd on one event waits here instead of holding pool
 * connections on the row lock.
 */
const inTurn = oneAtATimePerKey();

function remember(event: SignupEvent): void {
  if (knownFacts.size >= 2000 && !knownFacts.has(event.id)) knownFacts.clear();
  const facts = { scope_level: event.scope_level } as SignupFacts;
  for (const column of SIGNUP_FACTS) (facts as Record<string, unknown>)[column] = event[column];
  knownFacts.set(event.id, facts);
}

/** A sign-up ready for its turn's statement: checked and told on the facts this process knew. */
interface BatchedSignUp {
  r: SignUp;
  known: SignupFacts;
  registration: RegistrationRow;
  messages: OutgoingMessage[];
}

/** The facts a batched sign-up is written against, and their SQL types (its JSON row's columns). */
const FACT_COLUMNS = SIGNUP_FACTS.filter((c) => c !== 'id' && c !== 'confirmed_count');
const FACT_TYPES: Record<(typeof FACT_COLUMNS)[number], string> = {
  scope_id: 'text',
  title: 'text',
  venue: 'text',
  state: 'text',
  requires_signup: 'int',
  starts_at: 'text',
  ends_at: 'text',
  signup_opens_at: 'text',
  signup_closes_at: 'text',
  capacity: 'int',
};

type BatchRow = SignupEvent & { registration_id: string; registration_status: string; registration_waitlist_no: number | null; rank: number; seats: number };

/**
 * The new sign-ups of one turn as ONE PostgreSQL statement (a writable CTE), whatever their
 * number and events:
 * - `locked`: the events, found by their ids (`= any(array(…))`: an index search each; `in
 *   (select …)` over the JSON rows was planned as a scan of every event), locked in id order
 *   (two hosts' statements never wait on each other crosswise) and read as they are once locked (FOR UPDATE reads the row version after the
 *   wait, not the statement's snapshot);
 * - `fresh`: the sign-ups whose event still has the facts their rules and messages were run on
 *   (`SIGNUP_FACTS`; a cancellation or a change of times committed meanwhile leaves them out)
 *   and whose resident has no registration for it, numbered in the order they came;
 * - `alloc`, `seat`: each event's free seats go to its first sign-ups, the rest take the next
 *   waitlist places, in one update of the event's counts;
 * - the registrations, and the messages of those that took a seat (a place tells nothing yet).
 * A registration committed meanwhile by another host makes the registration's unique index
 * fail the whole statement: nothing of it is stored, and each sign-up goes the long way.
 */
const signUpsStatement = compiledQuery((db, p: Record<string, unknown>) => {
  const factColumns = FACT_COLUMNS.map((c) => sql`${sql.ref(`fact_${c}`)} ${sql.raw(FACT_TYPES[c])}`);
  const factsHold = sql.join(
    FACT_COLUMNS.map((c) => sql`l.${sql.ref(c)} = r.${sql.ref(`fact_${c}`)}`),
    sql` and `,
  );
  const statement = sql<BatchRow>`
    with req as (
      select * from jsonb_to_recordset(${p.signUps}::jsonb)
        as r(id text, event_id text, user_id text, checkin_code text, shared_by text, at text, ord int, ${sql.join(factColumns)})
    ), locked as (
      select e.*, (select level from regions where regions.id = e.scope_id) as scope_level
      from events e where e.id = any(array(select distinct event_id from req)) order by e.id for update of e
    ), fresh as (
      select r.*, row_number() over (partition by r.event_id order by r.ord) as rank
      from req r join locked l on l.id = r.event_id and ${factsHold}
      where not exists (select 1 from event_registrations x where x.event_id = r.event_id and x.user_id = r.user_id)
    ), alloc as (
      select l.id, l.confirmed_count, l.waitlist_seq, c.n,
        case when l.capacity = 0 then c.n else greatest(0, least(c.n, l.capacity - l.confirmed_count)) end as seats
      from locked l join (select event_id, count(*)::int as n from fresh group by event_id) c on c.event_id = l.id
    ), seat as (
      update events e set confirmed_count = a.confirmed_count + a.seats, waitlist_seq = a.waitlist_seq + a.n - a.seats
      from alloc a where e.id = a.id
      returning e.id
    ), registration as (
      insert into event_registrations (id, event_id, user_id, checkin_code, shared_by, created_at, status, waitlist_no, checked_in_at, checked_in_by, updated_at)
      select f.id, f.event_id, f.user_id, f.checkin_code, f.shared_by, f.at,
        case when f.rank <= a.seats then 'confirmed' else 'waitlisted' end,
        case when f.rank <= a.seats then null else a.waitlist_seq + f.rank - a.seats end,
        null, null, f.at
      from fresh f join alloc a on a.id = f.event_id join seat s on s.id = f.event_id
      returning id, event_id, status, waitlist_no
    ), queued as (
      ${queuedMessageList(p, sql`join registration g on g.id = m.told and g.status = 'confirmed'`)}
    )
    select l.*, g.id as registration_id, g.status as registration_status, g.waitlist_no as registration_waitlist_no, f.rank::int as rank, a.seats
    from registration g join fresh f on f.id = g.id join alloc a on a.id = g.event_id join locked l on l.id = g.event_id`;
  return { compile: () => statement.compile(db) };
});

/**
 * Checks `r` on the facts this process last saw of its event and joins the sign-ups of this
 * turn (`signUpsOfTurn`); undefined when it must go the long way (`registerInTransaction`):
 * the guess does not admit the resident (the long way decides on the row as it is), the event
 * changed, the resident has a registration already, or another tap of theirs raced this one.
 */
async function signUpInTurnBatch(db: Db, r: SignUp): Promise<SignUpResult | undefined> {
  const known = knownFacts.get(r.eventId);
  if (!known) return undefined;
  try {
    r.admit?.(known);
  } catch {
    return undefined;
  }
  const registration = newRegistration(r, r.now.toISOString());
  return signUpsOfTurn(db, { r, known, registration, messages: r.notify('confirmed', registration, known) });
}

/**
 * Sign-ups of one turn, one statement at a time per database handle (`oneAtATime`; a host has
 * one): while a statement runs, the sign-ups that arrive wait and go together in the next, so a
 * crowd on one event is a few statements, not one each taking the row lock in turn.
 */
const signUpsOfTurn = turnBatches(
  async (db: Db, batch: readonly BatchedSignUp[]): Promise<(SignUpResult | undefined)[]> => {
    // A resident's second tap in the same turn goes the long way (and finds the first).
    const seen = new Set<string>();
    const written = batch.filter((s) => {
      const key = `${s.r.eventId} ${s.r.userId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // One JSON parameter (node-postgres escapes arrays element by element in JavaScript).
    const signUps = written.map((s, i) => {
      const row: Record<string, unknown> = { id: s.registration.id, event_id: s.r.eventId, user_id: s.r.userId, checkin_code: s.r.code, shared_by: s.r.sharedBy, at: s.registration.created_at, ord: i + 1 };
      for (const c of FACT_COLUMNS) row[`fact_${c}`] = s.known[c];
      return row;
    });
    const values = { signUps: JSON.stringify(signUps), ...messageRows(written.map((s) => ({ told: s.registration.id, messages: s.messages, now: s.r.now }))) };
    let rows: BatchRow[];
    try {
      rows = await signUpsStatement.all(db, values);
    } catch (error) {
      // A registration or a lock another host took meanwhile: each sign-up goes the long way.
      if (refusedForItsRows(error)) return batch.map(() => undefined);
      throw error;
    }
    const byId = new Map(rows.map((row) => [row.registration_id, row]));
    const results = batch.map((s) => {
      const row = byId.get(s.registration.id);
      if (!row) return undefined;
      const { registration_id: _id, registration_status: status, registration_waitlist_no: waitlistNo, rank, seats, ...locked } = row;
      const seated = status === 'confirmed';
      // The event as this sign-up found it, the seats of those before it in the turn taken.
      const event: SignupEvent = {
        ...locked,
        scope_level: locked.scope_level ?? '',
        confirmed_count: locked.confirmed_count + Math.min(rank - 1, seats),
        waitlist_seq: seated ? locked.waitlist_seq : waitlistNo!,
      };
      return { registration: { ...s.registration, status, waitlist_no: waitlistNo }, created: true, event };
    });
    for (const row of rows) remember({ ...row, scope_level: row.scope_level ?? '', confirmed_count: row.confirmed_count + row.seats });
    return results;
  },
  { oneAtATime: true, maxBatchSize: 200 },
);

/** A new registration of `r`'s resident, confirmed (the caller sets a waitlist place). */
function newRegistration(r: SignUp, at: string): RegistrationRow {
  return {
    id: newId(),
    event_id: r.eventId,
    user_id: r.userId,
    checkin_code: r.code,
    shared_by: r.sharedBy,
    created_at: at,
    status: 'confirmed',
    waitlist_no: null,
    checked_in_at: null,
    checked_in_by: null,
    updated_at: at,
  };
}

function firstInLine(tx: Db, eventId: string): Promise<RegistrationRow | undefined> {
  return tx
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_no')
    .limit(1)
    .executeTakeFirst();
}

/** Moves the first in line into a freed seat, in the caller's transaction. */
async function promoteNext(tx: Db, eventId: string, now: Date, notify: Notify): Promise<RegistrationRow | null> {
  const next = await firstInLine(tx, eventId);
  if (!next) {
    await tx.updateTable('events').set({ confirmed_count: sql`confirmed_count - 1` }).where('id', '=', eventId).execute();
    return null;
  }
  const promoted = { ...next, status: 'confirmed', waitlist_no: null, updated_at: now.toISOString() };
  await tx
    .updateTable('event_registrations')
    .set({ status: 'confirmed', waitlist_no: null, updated_at: promoted.updated_at })
    .where('id', '=', next.id)
    .execute();
  await enqueue(tx, notify('promoted', promoted), now);
  return promoted;
}

/**
 * Ends a registration (the resident cancelling, or an admin removing it). A freed seat
 * goes to the first in the waitlist in the same transaction. Ending one already ended
 * changes nothing.
 */
export async function endRegistration(
  db: Db,
  e: { registrationId: string; status: 'cancelled' | 'removed'; now: Date; notify: Notify },
): Promise<{ registration: RegistrationRow; promoted: RegistrationRow | null; changed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const before = await getRegistrationById(tx, e.registrationId);
    if (!before) throw new Error(`registration ${e.registrationId} vanished`);
    await lockEvent(tx, before.event_id);
    const reg = (await getRegistrationById(tx, e.registrationId))!;
    if (!ACTIVE.includes(reg.status)) return { registration: reg, promoted: null, changed: false };
    const ended = { ...reg, status: e.status, waitlist_no: null, updated_at: e.now.toISOString() };
    await tx
      .updateTable('event_registrations')
      .set({ status: e.status, waitlist_no: null, updated_at: ended.updated_at })
      .where('id', '=', reg.id)
      .execute();
    await skipPending(tx, `event:${reg.event_id}:reg:${reg.id}:`);
    const promoted = reg.status === 'confirmed' ? await promoteNext(tx, reg.event_id, e.now, e.notify) : null;
    return { registration: ended, promoted, changed: true };
  });
}

/** After capacity grows: fill the new seats from the waitlist, in order. */
export async function fillFreedSeats(db: Db, eventId: string, now: Date, notify: Notify): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockEvent(tx, eventId);
    let promoted = 0;
    while (await takeSeat(tx, eventId)) {
      const next = await firstInLine(tx, eventId);
      if (!next) {
        await tx.updateTable('events').set({ confirmed_count: sql`confirmed_count - 1` }).where('id', '=', eventId).execute();
        break;
      }
      const row = { ...next, status: 'confirmed', waitlist_no: null, updated_at: now.toISOString() };
      await tx.updateTable('event_registrations').set({ status: 'confirmed', waitlist_no: null, updated_at: row.updated_at }).where('id', '=', next.id).execute();
      await enqueue(tx, notify('promoted', row), now);
      promoted++;
    }
    return promoted;
  });
}

/** Marks the arrival once: a second scan of the same code changes nothing. */
export async function markCheckedIn(db: Db, registrationId: string, staffId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('event_registrations')
    .set({ checked_in_at: now.toISOString(), checked_in_by: staffId })
    .where('id', '=', registrationId)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    // The event still on: a cancellation or close landing after the handler's check wins.
    .where((eb) => eb.exists(eb.selectFrom('events as e').select('e.id').whereRef('e.id', '=', 'event_registrations.event_id').where('e.state', '=', 'published')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function activeRegistrations(db: Db, eventId: string): Promise<RegistrationRow[]> {
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', ACTIVE)
    .execute();
}

/** Cancels an event and queues a notice to everyone registered or waiting, in one transaction. */
export async function cancelEventWithNotices(
  db: Db,
  c: { eventId: string; reason: string; now: Date; notices: (regs: RegistrationRow[]) => OutgoingMessage[] },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // Writing the event's row first queues this behind any sign-up holding it (lockEvent),
    // so the notices below reach every registration that got in before the cancellation.
    // A close (or another cancellation) that landed first wins: nothing is written or sent.
    const r = await tx
      .updateTable('events')
      .set({ state: 'cancelled', cancel_reason: c.reason, updated_at: c.now.toISOString() })
      .where('id', '=', c.eventId)
      .where('state', 'in', EVENT_MOVES.cancel)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await skipPending(tx, `event:${c.eventId}:reg:`);
    await enqueue(tx, c.notices(await activeRegistrations(tx, c.eventId)), c.now);
    return true;
  });
}

/** Replaces queued reminders after the event's time changed. */
export async function requeueReminders(db: Db, eventId: string, messages: OutgoingMessage[], now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await skipPending(tx, `event:${eventId}:reg:`);
    await enqueue(tx, messages, now);
  });
}

export interface RegistrantRow extends RegistrationRow {
  nickname: string;
  shared_by_name: string | null;
}

export async function registrantsOf(db: Db, eventId: string): Promise<RegistrantRow[]> {
  return db
    .selectFrom('event_registrations as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('users as s', 's.id', 'g.shared_by')
    .selectAll('g')
    .select(['u.nickname', 's.nickname as shared_by_name'])
    .where('g.event_id', '=', eventId)
    .orderBy('g.status')
    .orderBy('g.waitlist_no')
    .orderBy('g.created_at')
    .execute();
}

export async function registrationsOfUser(db: Db, userId: string): Promise<RegistrationRow[]> {
  return db.selectFrom('event_registrations').selectAll().where('user_id', '=', userId).where('status', 'in', ACTIVE).execute();
}

/**
 * One sign-up on 我的活动, flat, as the statement returns it: the event's summary columns
 * and its cancel cut-off under their events names, the registration's under `reg_…`, the
 * place in line counted. Nothing the reply does not use (no description, no partners).
 */
export interface MyEventRow extends EventSummaryRow {
  cancel_cutoff_at: string;
  reg_id: string;
  reg_status: string;
  reg_checkin_code: string;
  reg_checked_in_at: string | null;
  /** 1-based place in line of a waitlisted sign-up; null for the others. */
  reg_position: number | null;
}

/**
 * A resident's active sign-ups with their events and waitlist places, one page in one
 * statement: upcoming soonest first, past latest first, keyset-paged on (starts_at, id).
 * The counts (the event's waitlist, a waitlisted sign-up's place) use the (event, status,
 * waitlist_no) index and come back as integers on both databases, so the rows are used as
 * they come, without a copy per row. Compiled once per shape (past or upcoming, first page
 * or after a cursor). The statuses are SQL literals (see WAITLISTED).
 */
const CLOSED = sql.lit('closed');
const myEventsQuery = compiledShapes((shape: { past: boolean; after: boolean }) =>
  compiledQuery((db, p: { userId: string; now: string; startsAt: string; id: string; limit: number }) => {
    const dir = shape.past ? 'desc' : 'asc';
    let query = db
      .selectFrom('events as e')
      .innerJoin('regions as r', 'r.id', 'e.scope_id')
      .innerJoin('event_registrations as g', 'g.event_id', 'e.id')
      .select([
        'e.id',
        'e.title',
        'e.category',
        'e.scope_id',
        'r.name as scope_name',
        'e.venue',
        'e.starts_at',
        'e.ends_at',
        'e.signup_opens_at',
        'e.signup_closes_at',
        'e.cancel_cutoff_at',
        'e.requires_signup',
        'e.capacity',
        'e.confirmed_count',
        'e.state',
        'g.id as reg_id',
        'g.status as reg_status',
        'g.checkin_code as reg_checkin_code',
        'g.checked_in_at as reg_checked_in_at',
      ])
      .select((eb) => [
        eb
          .selectFrom('event_registrations as w')
          .whereRef('w.event_id', '=', 'e.id')
          .where('w.status', '=', WAITLISTED)
          .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
          .$asScalar()
          .$notNull()
          .as('waitlist_length'),
        // Counted only for a waitlisted sign-up (a CASE evaluates its subquery only then).
        eb
          .case()
          .when(eb.and([eb('g.status', '=', WAITLISTED), eb('g.waitlist_no', 'is not', null)]))
          .then(
            eb
              .selectFrom('event_registrations as q')
              .whereRef('q.event_id', '=', 'g.event_id')
              .where('q.status', '=', WAITLISTED)
              .whereRef('q.waitlist_no', '<=', 'g.waitlist_no')
              .select((c) => c.cast<number>(c.fn.countAll(), 'integer').as('n'))
              .$asScalar(),
          )
          .end()
          .as('reg_position'),
      ])
      .where('g.user_id', '=', p.userId)
      .where('g.status', 'in', ACTIVE.map((s) => sql.lit(s)))
      .orderBy('e.starts_at', dir)
      .orderBy('e.id', dir)
      .limit(p.limit);
    query = shape.past
      ? query.where((eb) => eb.or([eb('e.state', '=', CLOSED), eb('e.ends_at', '<=', p.now)]))
      : query.where('e.state', '!=', CLOSED).where('e.ends_at', '>', p.now);
    if (shape.after) {
      query = query.where(sql<boolean>`(e.starts_at, e.id) ${sql.raw(shape.past ? '<' : '>')} (${p.startsAt}, ${p.id})`);
    }
    return query;
  }),
);

export async function myEventRows(
  db: Db,
  q: { userId: string; past: boolean; now: Date; after?: EventCursor; limit: number },
): Promise<MyEventRow[]> {
  return myEventsQuery({ past: q.past, after: q.after !== undefined }).all(db, {
    userId: q.userId,
    now: q.now.toISOString(),
    startsAt: q.after?.startsAt ?? '',
    id: q.after?.id ?? '',
    limit: q.limit,
  });
}

export async function countCheckedIn(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('checked_in_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countSignupsBySharer(db: Db, sharerId: string): Promise<Array<{ eventId: string; title: string; signups: number }>> {
  const rows = await db
    .selectFrom('event_registrations as g')
    .innerJoin('events as e', 'e.id', 'g.event_id')
    .select(['g.event_id', 'e.title'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('g.shared_by', '=', sharerId)
    .groupBy(['g.event_id', 'e.title'])
    .execute();
  return rows.map((r) => ({ eventId: r.event_id, title: r.title, signups: Number(r.n) }));
}

/** All of a scope's events for the console, newest start first, one page at a time. */
export async function eventsForAdmin(
  db: Db,
  q: { scopeIds: string[] | 'all'; state?: string; category?: string; q?: string; offset: number; limit: number },
): Promise<{ rows: EventRow[]; total: number }> {
  let base = db.selectFrom('events as e');
  if (q.scopeIds !== 'all') base = base.where('e.scope_id', 'in', q.scopeIds.length ? q.scopeIds : ['-']);
  if (q.state) base = base.where('e.state', '=', q.state);
  if (q.category) base = base.where('e.category', '=', q.category);
  if (q.q) base = base.where('e.title', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const ids = await base.select('e.id').orderBy('e.starts_at', 'desc').orderBy('e.id', 'desc').offset(q.offset).limit(q.limit).execute();
  const rows: EventRow[] = [];
  for (const { id } of ids) {
    const row = await getEventRow(db, id);
    if (row) rows.push(row);
  }
  return { rows, total };
}

/**
 * Deletes the event only while it is a draft, in one statement, so a publish racing the
 * delete either wins (and nothing is deleted) or loses. Drafts take no registrations.
 */
export async function deleteDraftEventRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('events').where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
