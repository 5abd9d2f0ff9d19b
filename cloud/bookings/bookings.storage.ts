import { sql } from 'kysely';
import { AppError } from '../../types';
import { newId } from '../core/crypto';
import { enqueue, messageValues, skipPending, type OutgoingMessage } from '../notifications/outbox.storage';
import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import { isGroupCommitted, isPostgres, type Db } from '../storage/dialect';
import { QUEUED_IN_STATEMENT, queuedMessages } from '../storage/queued-messages';
import type { BookingsTable, BookingStepsTable, ResourcesTable, ServiceCentersTable } from '../storage/schema';
import { bookRoomOfTurn } from './rooms-of-turn.storage';

export type ResourceRow = ResourcesTable & { center_name: string; community_id: string };
export type BookingRow = BookingsTable & { resource_name: string; kind: string; center_name: string; community_id: string; nickname: string };

function resourcesWithCenter(db: Db) {
  return db
    .selectFrom('resources as r')
    .innerJoin('service_centers as c', 'c.id', 'r.center_id')
    .selectAll('r')
    .select(['c.name as center_name', 'c.community_id']);
}

// The statements of every booking (bookings.create) built and compiled once per dialect
// (cloud/storage/compiled-query.ts): rebuilding their Kysely trees was ~8% of a booking's CPU.
const resourceById = compiledQuery((db, p: { id: string }) => resourcesWithCenter(db).where('r.id', '=', p.id));

export async function getResourceRow(db: Db, id: string): Promise<ResourceRow | undefined> {
  return resourceById.takeFirst(db, { id });
}

/** Several resources in one statement (a page of bookings names a few). */
export async function getResourceRows(db: Db, ids: string[]): Promise<ResourceRow[]> {
  if (ids.length === 0) return [];
  return resourcesWithCenter(db).where('r.id', 'in', ids).execute();
}

export async function listResourceRows(db: Db, communityId: string, kind?: string): Promise<ResourceRow[]> {
  let q = resourcesWithCenter(db).where('c.community_id', '=', communityId).where('r.active', '=', 1).orderBy('r.sort').orderBy('r.name');
  if (kind) q = q.where('r.kind', '=', kind);
  return q.execute();
}

export async function getCenter(db: Db, id: string): Promise<ServiceCentersTable | undefined> {
  return db.selectFrom('service_centers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertCenter(db: Db, row: ServiceCentersTable): Promise<void> {
  await db
    .insertInto('service_centers')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: row.name, address: row.address, area_m2: row.area_m2, phone: row.phone }))
    .execute();
}

export async function saveResourceRow(db: Db, row: ResourcesTable): Promise<void> {
  const { id: _id, ...rest } = row;
  await db
    .insertInto('resources')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(rest))
    .execute();
}

export async function closedDatesOf(db: Db, resourceId: string, fromDate: string): Promise<Array<{ date: string; reason: string }>> {
  return db
    .selectFrom('closed_dates')
    .select(['date', 'reason'])
    .where('resource_id', '=', resourceId)
    .where('date', '>=', fromDate)
    .orderBy('date')
    .execute();
}

export async function closedReason(db: Db, resourceId: string, date: string): Promise<string | null> {
  const row = await db.selectFrom('closed_dates').select('reason').where('resource_id', '=', resourceId).where('date', '=', date).executeTakeFirst();
  return row?.reason ?? null;
}

/** Places taken per slot start within [from, to). */
export async function heldPlaces(db: Db, resourceId: string, from: Date, to: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('slot_holds')
    .select('slot_start')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resource_id', '=', resourceId)
    .where('slot_start', '>=', from.toISOString())
    .where('slot_start', '<', to.toISOString())
    .groupBy('slot_start')
    .execute();
  return new Map(rows.map((r) => [r.slot_start, Number(r.n)]));
}

/**
 * Takes the first free place of a slot. Each try is an insert that the primary key
 * (resource, slot, seat) lets through once; `on conflict do nothing` keeps the
 * transaction alive on PostgreSQL when a place is already taken.
 */
const placeHeld = compiledQuery((db, p: { resourceId: string; slotStart: string; seat: number; bookingId: string }) =>
  db
    .insertInto('slot_holds')
    .values({ resource_id: p.resourceId, slot_start: p.slotStart, seat: p.seat, booking_id: p.bookingId })
    .onConflict((oc) => oc.columns(['resource_id', 'slot_start', 'seat']).doNothing())
    .returning('seat'),
);

async function takePlace(tx: Db, hold: { resourceId: string; slotStart: string; size: number; bookingId: string; from?: number }): Promise<boolean> {
  for (let seat = hold.from ?? 0; seat < hold.size; seat++) {
    if (await placeHeld.takeFirst(tx, { resourceId: hold.resourceId, slotStart: hold.slotStart, seat, bookingId: hold.bookingId })) return true;
  }
  return false;
}

async function releasePlace(tx: Db, bookingId: string): Promise<void> {
  await tx.deleteFrom('slot_holds').where('booking_id', '=', bookingId).execute();
}

/**
 * Serializes the writes that depend on a resource's own settings (closed days, active):
 * a booking re-checks them under this lock, and closing a day takes it too, so the two
 * happen one after the other.
 */
const resourceLocked = compiledQuery((db, p: { id: string }) => db.updateTable('resources').set({ active: sql`active` }).where('id', '=', p.id).returningAll());

async function lockResource(tx: Db, resourceId: string): Promise<ResourcesTable> {
  // The locking write returns the row: one statement, not a write and a read.
  const row = await resourceLocked.takeFirst(tx, { id: resourceId });
  if (!row) throw new Error(`resource ${resourceId} vanished`);
  return row;
}

/** What a booking re-checks inside its transaction: the resource and the day's closure as they are now. */
export type AdmitSlot = (resource: ResourcesTable, closedReason: string | null) => void;

/**
 * Serializes one resident's bookings on PostgreSQL, so the weekly quota cannot be beaten by
 * racing taps from two hosts (one host already runs its transactions one after another).
 */
const userLocked = compiledQuery((db, p: { id: string }) => db.updateTable('users').set({ failed_logins: sql`failed_logins` }).where('id', '=', p.id));

async function addStep(tx: Db, step: Omit<BookingStepsTable, 'id' | 'seq'>): Promise<void> {
  const last = await tx
    .selectFrom('booking_steps')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('booking_id', '=', step.booking_id)
    .executeTakeFirst();
  await tx
    .insertInto('booking_steps')
    .values({ id: newId(), seq: Number(last?.seq ?? 0) + 1, ...step })
    .execute();
}

export async function activeSuspension(db: Db, userId: string, now: Date): Promise<string | null> {
  const row = await db.selectFrom('booking_suspensions').select('until').where('user_id', '=', userId).where('until', '>', now.toISOString()).executeTakeFirst();
  return row?.until ?? null;
}

/** A booking's columns as a plain object type (the compiled insert's values). */
type BookingValues = { [K in keyof BookingsTable]: BookingsTable[K] };
const bookingInserted = compiledQuery((db, p: BookingValues) =>
  db.insertInto('bookings').values({
    id: p.id,
    resource_id: p.resource_id,
    user_id: p.user_id,
    slot_start: p.slot_start,
    slot_end: p.slot_end,
    status: p.status,
    step: p.step,
    purpose: p.purpose,
    party_size: p.party_size,
    reject_reason: p.reject_reason,
    missing_materials: p.missing_materials,
    created_at: p.created_at,
    updated_at: p.updated_at,
    // Every column: a column added to the table must be added here too (and to `bookedWithFacts` and rooms-of-turn.storage.ts).
  } satisfies Record<keyof BookingsTable, unknown>),
);
const firstStepInserted = compiledQuery((db, p: { id: string; bookingId: string; step: string; by: string; at: string }) =>
  db.insertInto('booking_steps').values({ id: p.id, seq: 1, booking_id: p.bookingId, step: p.step, note: null, by_user_id: p.by, at: p.at }),
);

/** What a booking's rules read under the resource's lock: the day's closure, the resident's suspension, this week's bookings of that kind. */
interface BookingFacts {
  closed: string | null;
  suspended: string | null;
  used: number | string | null;
}
type FactsParams = { resourceId: string; day: string; userId: string; now: string; from: string; to: string };

/**
 * SQLite: the resource with its center and the booking's facts in ONE read inside the
 * transaction. No locking write: the host's transactions run one after another on SQLite's
 * one connection (cloud/storage/group-commit.ts), so nothing can land between this read and
 * the booking's writes.
 */
const resourceAndFacts = compiledQuery((db, p: FactsParams) =>
  db
    .selectFrom('resources as r')
    .innerJoin('service_centers as c', 'c.id', 'r.center_id')
    .selectAll('r')
    .select(['c.name as center_name', 'c.community_id'])
    .select((eb) => [
      eb.selectFrom('closed_dates').select('reason').where('resource_id', '=', p.resourceId).where('date', '=', p.day).as('closed'),
      eb.selectFrom('booking_suspensions').select('until').where('user_id', '=', p.userId).where('until', '>', p.now).limit(1).as('suspended'),
      // This week's bookings of the kind, counted only for a resource with a quota (a CASE's branch runs only when taken).
      sql<number>`case when r.weekly_quota > 0 then (${eb
        .selectFrom('bookings as k')
        .innerJoin('resources as kr', 'kr.id', 'k.resource_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('k.user_id', '=', p.userId)
        .whereRef('kr.kind', '=', 'r.kind')
        .where('k.status', 'in', ['pending', 'approved', 'checked_in'])
        .where('k.slot_start', '>=', p.from)
        .where('k.slot_start', '<', p.to)}) else 0 end`.as('used'),
    ])
    .where('r.id', '=', p.resourceId),
);

/**
 * PostgreSQL: the resource's row lock, returning the resource with its center. Closing a day
 * (`setClosedDates`) takes the same lock, so a booking and a closure happen one after the other
 * even from two hosts. The center's name rides along (the turn's batched bookings check it is
 * unchanged, rooms-of-turn.storage.ts).
 */
const resourceLockedWithCenter = compiledQuery((db, p: { id: string }) =>
  db
    .updateTable('resources')
    .set({ active: sql`active` })
    .where('id', '=', p.id)
    .returningAll()
    .returning((eb) => [
      // The row version this lock writes: a turn's batched bookings write only while the room still has it (rooms-of-turn.storage.ts).
      sql<string>`xmin::text`.as('version'),
      eb.selectFrom('service_centers as c').select('c.name').whereRef('c.id', '=', 'resources.center_id').as('center_name'),
      eb.selectFrom('service_centers as c').select('c.community_id').whereRef('c.id', '=', 'resources.center_id').as('community_id'),
    ]),
);

/**
 * PostgreSQL: the booking, its first place (seat 0), its first step and its messages written,
 * and the facts read, in ONE statement after the lock (a new statement, so it sees a closure or a booking
 * committed by the lock's holder; the facts do not see this statement's own booking). A
 * refusal found in the facts rolls the writes back with the request's savepoint.
 */
const bookedWithFacts = compiledShapes((messages: number) =>
  compiledQuery((db, p: BookingValues & FactsParams & { kind: string; stepId: string; firstStep: string } & Record<string, unknown>) => {
    const q = sql<BookingFacts & { seat: number | null }>`with b as (
    insert into bookings (id, resource_id, user_id, slot_start, slot_end, status, step, purpose, party_size, reject_reason, missing_materials, created_at, updated_at)
    values (${p.id}, ${p.resource_id}, ${p.user_id}, ${p.slot_start}, ${p.slot_end}, ${p.status}, ${p.step}, ${p.purpose}, ${p.party_size}, ${p.reject_reason}, ${p.missing_materials}, ${p.created_at}, ${p.updated_at})
    returning id, resource_id, slot_start, user_id, created_at
  ), h as (
    insert into slot_holds (resource_id, slot_start, seat, booking_id) select b.resource_id, b.slot_start, 0, b.id from b
    on conflict (resource_id, slot_start, seat) do nothing returning seat
  ), s as (
    insert into booking_steps (id, seq, booking_id, step, note, by_user_id, at) select ${p.stepId}, 1, b.id, ${p.firstStep}, null, b.user_id, b.created_at from b
  )${messages > 0 ? sql`, queued as (${queuedMessages(messages, p)})` : sql``}
  select (select reason from closed_dates where resource_id = ${p.resourceId} and date = ${p.day}) as closed,
    (select until from booking_suspensions where user_id = ${p.userId} and until > ${p.now} limit 1) as suspended,
    (select count(*) from bookings k inner join resources kr on kr.id = k.resource_id
      where k.user_id = ${p.userId} and kr.kind = ${p.kind} and k.status in ('pending', 'approved', 'checked_in') and k.slot_start >= ${p.from} and k.slot_start < ${p.to}) as used,
    (select seat from h) as seat`;
    return { compile: () => q.compile(db) };
  }),
);

/** What a booking writes, planned from the resource as read under its lock (lib/booking-plan.ts). */
export interface BookingPlan {
  row: BookingsTable;
  /** Places in the slot: 1 for a room, the window's size at the hall. */
  size: number;
  /** The weekly quota of the resource's kind, or null. */
  quota: number | null;
  /** Suspension for no-shows stops room booking only. */
  checkSuspension: boolean;
  firstStep: string;
  messages: OutgoingMessage[];
}

/**
 * Books a slot in one transaction: the resource read (and locked, on PostgreSQL), the
 * booking planned from it (`plan` refuses what the resource does not allow), then the day's
 * closure, the resident's suspension and weekly quota re-checked (`admit`, under the lock),
 * the booking, its place, its first step and its messages written. A full slot or a refusal
 * rolls everything back. Returns the resource as read and the plan written.
 *
 * SQLite: one read (resource, center and facts), then the booking, its place, its step, its
 * messages: five statements (was nine, with a read of the resource before the transaction and
 * two locking writes). PostgreSQL: the resource's lock (returning it), the resident's lock
 * only when the resource has a weekly quota, one statement writing the booking, its place,
 * step and messages and reading the facts: two or three statements between BEGIN and COMMIT
 * (was a read before the transaction and seven in it). Once this process has booked a room
 * that way, the room bookings of one turn are ONE statement instead (rooms-of-turn.storage.ts),
 * and only those it does not write come this way.
 */
export async function bookSlot(db: Db, b: SlotRequest): Promise<{ resource: ResourceRow; plan: BookingPlan }> {
  // On PostgreSQL (without group commit) a turn's room bookings are one statement once this
  // process knows the room; each it does not write comes back here (rooms-of-turn.storage.ts).
  const booked = isPostgres(db) && !isGroupCommitted(db) ? await bookRoomOfTurn(db, b, () => bookSlotInTransaction(db, b)) : await bookSlotInTransaction(db, b);
  return { resource: booked.resource, plan: booked.plan };
}

/** A resident's booking of one slot, as `bookSlot` takes it. */
export interface SlotRequest {
  resourceId: string;
  userId: string;
  now: Date;
  /** The Shanghai day of the asked start (a slot, if it is one, starts there), whose closure is re-read under the lock. */
  day: string;
  /** The quota's week around the asked start. */
  week: { from: Date; to: Date };
  plan: (resource: ResourceRow) => BookingPlan;
  admit: AdmitSlot;
}

/** A booking written: the resource as read (under its lock), the plan, and on PostgreSQL the row version its lock wrote. */
export interface SlotBooked {
  resource: ResourceRow;
  plan: BookingPlan;
  version: string | null;
}

async function bookSlotInTransaction(db: Db, b: SlotRequest): Promise<SlotBooked> {
  return db.transaction().execute(async (tx) => {
    const params = { resourceId: b.resourceId, day: b.day, userId: b.userId, now: b.now.toISOString(), from: b.week.from.toISOString(), to: b.week.to.toISOString() };
    let resource: ResourceRow;
    let plan: BookingPlan;
    let facts: BookingFacts;
    let placed: boolean;
    let queued = false;
    let version: string | null = null;
    if (isPostgres(tx)) {
      const locked = await resourceLockedWithCenter.takeFirst(tx, { id: b.resourceId });
      if (!locked) throw new AppError('NOT_FOUND');
      ({ version, ...resource } = locked as ResourceRow & { version: string });
      plan = b.plan(resource);
      if (plan.quota !== null) await userLocked.all(tx, { id: b.userId });
      queued = plan.messages.length <= QUEUED_IN_STATEMENT;
      const written = (await bookedWithFacts(queued ? plan.messages.length : 0).takeFirst(tx, {
        ...plan.row,
        ...params,
        kind: resource.kind,
        stepId: newId(),
        firstStep: plan.firstStep,
        ...(queued ? messageValues(plan.messages, b.now) : {}),
      }))!;
      facts = written;
      placed = written.seat !== null;
    } else {
      const row = await resourceAndFacts.takeFirst(tx, params);
      if (!row) throw new AppError('NOT_FOUND');
      const { closed, suspended, used, ...rest } = row;
      resource = rest;
      facts = { closed, suspended, used };
      plan = b.plan(resource);
    }
    b.admit(resource, facts.closed ?? null);
    if (plan.checkSuspension && facts.suspended) throw new AppError('BOOKING_SUSPENDED');
    if (plan.quota !== null && Number(facts.used) >= plan.quota) throw new AppError('BOOKING_QUOTA', `每人每周最多预约${plan.quota}次，本周已用完`);
    if (isPostgres(tx)) {
      // Seat 0 was tried with the booking; a hall window's further places one by one.
      if (!placed! && plan.size > 1) placed = await takePlace(tx, { resourceId: plan.row.resource_id, slotStart: plan.row.slot_start, size: plan.size, bookingId: plan.row.id, from: 1 });
    } else {
      await bookingInserted.all(tx, plan.row);
      placed = await takePlace(tx, { resourceId: plan.row.resource_id, slotStart: plan.row.slot_start, size: plan.size, bookingId: plan.row.id });
      // A new booking's first step is step 1: no need to look for the last one.
      if (placed) await firstStepInserted.all(tx, { id: newId(), bookingId: plan.row.id, step: plan.firstStep, by: plan.row.user_id, at: plan.row.created_at });
    }
    if (!placed!) throw new AppError(plan.size === 1 ? 'BOOKING_SLOT_TAKEN' : 'BOOKING_WINDOW_FULL');
    if (!queued) await enqueue(tx, plan.messages, b.now);
    return { resource, plan, version };
  });
}

/**
 * Moves a booking from one status to another only if it is still in the expected one
 * (a conditional update), writing the timeline and messages alongside. Ending a booking
 * frees its place at once.
 */
export async function transitionBooking(
  db: Db,
  t: {
    id: string;
    from: string;
    to: string;
    changes?: Partial<Pick<BookingsTable, 'step' | 'reject_reason' | 'missing_materials'>>;
    fromStep?: string | null;
    fromStart?: string;
    release: boolean;
    step: { step: string; note: string | null; by: string | null } | null;
    now: Date;
    messages: OutgoingMessage[];
  },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    let q = tx
      .updateTable('bookings')
      .set({ status: t.to, ...t.changes, updated_at: t.now.toISOString() })
      .where('id', '=', t.id)
      .where('status', '=', t.from);
    if (t.fromStep !== undefined) q = t.fromStep === null ? q.where('step', 'is', null) : q.where('step', '=', t.fromStep);
    if (t.fromStart !== undefined) q = q.where('slot_start', '=', t.fromStart);
    const result = await q.executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (t.release) await releasePlace(tx, t.id);
    // A booking that ends before its day needs no reminder any more.
    if (['cancelled', 'rejected', 'no_show'].includes(t.to)) await skipPending(tx, `booking:${t.id}:remind`);
    if (t.step) await addStep(tx, { booking_id: t.id, step: t.step.step, note: t.step.note, by_user_id: t.step.by, at: t.now.toISOString() });
    await enqueue(tx, t.messages, t.now);
    return true;
  });
}

/**
 * Reschedule in one transaction: the old place is given up and the new one taken
 * together. If the new slot is full, the rollback leaves the old place held.
 */
export async function moveBooking(
  db: Db,
  m: {
    id: string;
    from: string;
    fromStep: string | null;
    fromStart: string;
    to: string;
    slotStart: string;
    slotEnd: string;
    size: number;
    resourceId: string;
    now: Date;
    note: string;
    by: string;
    day: string;
    admit: AdmitSlot;
  },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    m.admit(await lockResource(tx, m.resourceId), await closedReason(tx, m.resourceId, m.day));
    const result = await tx
      .updateTable('bookings')
      .set({ status: m.to, slot_start: m.slotStart, slot_end: m.slotEnd, updated_at: m.now.toISOString() })
      .where('id', '=', m.id)
      .where('status', '=', m.from)
      .where((eb) => (m.fromStep === null ? eb('step', 'is', null) : eb('step', '=', m.fromStep)))
      .where('slot_start', '=', m.fromStart)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('BOOKING_NOT_ALLOWED_NOW');
    await releasePlace(tx, m.id);
    if (!(await takePlace(tx, { resourceId: m.resourceId, slotStart: m.slotStart, size: m.size, bookingId: m.id }))) {
      throw new AppError(m.size === 1 ? 'BOOKING_SLOT_TAKEN' : 'BOOKING_WINDOW_FULL');
    }
    await addStep(tx, { booking_id: m.id, step: 'rescheduled', note: m.note, by_user_id: m.by, at: m.now.toISOString() });
  });
}

function bookingsWithNames(db: Db) {
  return db
    .selectFrom('bookings as k')
    .innerJoin('resources as r', 'r.id', 'k.resource_id')
    .innerJoin('service_centers as c', 'c.id', 'r.center_id')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .selectAll('k')
    .select(['r.name as resource_name', 'r.kind', 'c.name as center_name', 'c.community_id', 'u.nickname']);
}

export async function getBookingRow(db: Db, id: string): Promise<BookingRow | undefined> {
  return bookingsWithNames(db).where('k.id', '=', id).executeTakeFirst();
}

/** A timeline step with its author's name (the row's own id is not read). */
export type BookingStepRow = Omit<BookingStepsTable, 'id'> & { by_name: string | null };
/** What a resident's own booking shows (lib/booking-view.ts toBooking): not their own name, not the row's timestamps. */
export type MyBookingRow = Omit<BookingRow, 'nickname' | 'created_at' | 'updated_at'> & {
  cancel_cutoff_minutes: number;
  documents: string;
  steps: BookingStepRow[];
  suspended_until: string | null;
};

interface MyBookingShape {
  past: boolean;
  after: boolean;
}

/** A timeline step as the page's statement answers it: seq, step, note, at, by_user_id, by_name. */
type StepTuple = [number, string, string | null, string, string | null, string | null];
const stepAuthor = sql`(select bu.nickname from users as bu where bu.id = s.by_user_id)`;

const myBookingsQuery = compiledShapes((shape: MyBookingShape) =>
  compiledQuery((db, p: { userId: string; now: string; slotStart: string; id: string; limit: number }) => {
    let q = db
      .selectFrom('bookings as k')
      .innerJoin('resources as r', 'r.id', 'k.resource_id')
      .innerJoin('service_centers as c', 'c.id', 'r.center_id')
      .select(['k.id', 'k.resource_id', 'k.user_id', 'k.slot_start', 'k.slot_end', 'k.status', 'k.step', 'k.purpose', 'k.party_size', 'k.reject_reason', 'k.missing_materials'])
      .select(['r.name as resource_name', 'r.kind', 'c.name as center_name', 'c.community_id', 'r.cancel_cutoff_minutes', 'r.documents'])
      // Each step as a JSON array of values, not an object of named ones, and its author's name
      // by a key lookup, not a join: the page was 16% cheaper on SQLite, and PostgreSQL had
      // planned the join as a hash of the users table, built again for every row.
      .select(
        (isPostgres(db)
          ? sql<string | StepTuple[]>`(select coalesce(json_agg(json_build_array(s.seq, s.step, s.note, s.at, s.by_user_id, ${stepAuthor})), '[]'::json) from booking_steps as s where s.booking_id = k.id)`
          : sql<string | StepTuple[]>`(select json_group_array(json_array(s.seq, s.step, s.note, s.at, s.by_user_id, ${stepAuthor})) from booking_steps as s where s.booking_id = k.id)`
        ).as('steps'),
      )
      .select((eb) =>
        // The caller's own (not each row's): SQLite and PostgreSQL then run it once, not per row.
        eb.selectFrom('booking_suspensions as b').select('b.until').where('b.user_id', '=', p.userId).where('b.until', '>', p.now).as('suspended_until'),
      )
      .where('k.user_id', '=', p.userId)
      .where('k.slot_end', shape.past ? '<=' : '>', p.now)
      .orderBy('k.slot_start', shape.past ? 'desc' : 'asc')
      .orderBy('k.id', shape.past ? 'desc' : 'asc')
      .limit(p.limit);
    if (shape.after) {
      q = shape.past
        ? q.where(sql<boolean>`(k.slot_start, k.id) < (${p.slotStart}, ${p.id})`)
        : q.where(sql<boolean>`(k.slot_start, k.id) > (${p.slotStart}, ${p.id})`);
    }
    return q;
  }),
);

/**
 * A page of the resident's own bookings in ONE statement: each row with its resource's rules
 * (cancel cut-off, documents), its timeline steps as a JSON array, and the resident's active
 * suspension as a scalar subquery. Upcoming ones soonest first, past ones latest first, by the
 * keyset (slot_start, id) after `after` on the (user_id, slot_start) index.
 */
export async function myBookingPage(
  db: Db,
  q: { userId: string; now: Date; past: boolean; after?: { slotStart: string; id: string }; limit: number },
): Promise<MyBookingRow[]> {
  const rows = await myBookingsQuery({ past: q.past, after: q.after !== undefined }).all(db, { userId: q.userId, now: q.now.toISOString(), slotStart: q.after?.slotStart ?? '', id: q.after?.id ?? '', limit: q.limit });
  const page = rows as unknown as MyBookingRow[];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    // SQLite answers the JSON as text; pg parses it. Sorted here: an aggregate's order is not promised.
    const tuples = (typeof r.steps === 'string' ? JSON.parse(r.steps) : r.steps) as StepTuple[];
    const steps = tuples.map(([seq, step, note, at, by_user_id, by_name]) => ({ booking_id: r.id, seq, step, note, at, by_user_id, by_name }));
    // Each row is the statement's own fresh object: its steps go in place of their text.
    page[i]!.steps = steps.sort((a, b) => a.seq - b.seq);
  }
  return page;
}

export async function bookingsOfCommunities(
  db: Db,
  q: { communityIds: string[] | 'all'; from?: Date; to?: Date; statuses?: string[] },
): Promise<BookingRow[]> {
  let query = bookingsWithNames(db).orderBy('k.slot_start').limit(500);
  if (q.communityIds !== 'all') {
    if (q.communityIds.length === 0) return [];
    query = query.where('c.community_id', 'in', q.communityIds);
  }
  if (q.from) query = query.where('k.slot_start', '>=', q.from.toISOString());
  if (q.to) query = query.where('k.slot_start', '<', q.to.toISOString());
  if (q.statuses) query = query.where('k.status', 'in', q.statuses);
  return query.execute();
}

export async function activeBookingsOn(db: Db, resourceId: string, from: Date, to: Date): Promise<BookingsTable[]> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('status', 'in', ['pending', 'approved'])
    .where('slot_start', '>=', from.toISOString())
    .where('slot_start', '<', to.toISOString())
    .execute();
}

export async function stepsOf(db: Db, bookingIds: string[]): Promise<Array<BookingStepsTable & { by_name: string | null }>> {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('booking_steps as s')
    .leftJoin('users as u', 'u.id', 's.by_user_id')
    .selectAll('s')
    .select('u.nickname as by_name')
    .where('s.booking_id', 'in', bookingIds)
    .orderBy('s.booking_id')
    .orderBy('s.seq')
    .execute();
}

export async function setClosedDates(db: Db, resourceId: string, close: Array<{ date: string; reason: string }>, reopen: string[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    // A booking being written for this resource finishes first (and is then cancelled by
    // the caller), or waits and sees the day closed.
    await lockResource(tx, resourceId);
    if (reopen.length) await tx.deleteFrom('closed_dates').where('resource_id', '=', resourceId).where('date', 'in', reopen).execute();
    for (const c of close) {
      await tx
        .insertInto('closed_dates')
        .values({ resource_id: resourceId, date: c.date, reason: c.reason })
        .onConflict((oc) => oc.columns(['resource_id', 'date']).doUpdateSet({ reason: c.reason }))
        .execute();
    }
  });
}

export async function noShowsSince(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'no_show')
    .where('slot_start', '>=', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function suspend(db: Db, userId: string, until: Date, reason: string): Promise<void> {
  await db
    .insertInto('booking_suspensions')
    .values({ user_id: userId, until: until.toISOString(), reason })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ until: until.toISOString(), reason }))
    .execute();
}

export async function centersOf(db: Db, communityIds: string[] | 'all'): Promise<ServiceCentersTable[]> {
  let q = db.selectFrom('service_centers').selectAll().orderBy('community_id').orderBy('name');
  if (communityIds !== 'all') q = q.where('community_id', 'in', communityIds.length ? communityIds : ['-']);
  return q.execute();
}

export async function resourcesOfCenter(db: Db, centerId: string): Promise<ResourceRow[]> {
  return resourcesWithCenter(db).where('r.center_id', '=', centerId).orderBy('r.kind').orderBy('r.sort').orderBy('r.name').execute();
}
