import { sql } from 'kysely';
import { AppError } from '../../types';
import { newId } from '../core/crypto';
import { enqueue, skipPending, type OutgoingMessage } from '../notifications/outbox.storage';
import { jsonArrayFrom as pgJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import { compiledQuery, compiledShapes } from '../storage/compiled-query';
import { isPostgres, type Db } from '../storage/dialect';
import type { BookingsTable, BookingStepsTable, ResourcesTable, ServiceCentersTable } from '../storage/schema';

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

async function takePlace(tx: Db, hold: { resourceId: string; slotStart: string; size: number; bookingId: string }): Promise<boolean> {
  for (let seat = 0; seat < hold.size; seat++) {
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

/** Serializes one resident's bookings, so the weekly quota cannot be beaten by racing taps. */
const userLocked = compiledQuery((db, p: { id: string }) => db.updateTable('users').set({ failed_logins: sql`failed_logins` }).where('id', '=', p.id));

async function lockUser(tx: Db, userId: string): Promise<void> {
  await userLocked.all(tx, { id: userId });
}

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

/**
 * What a booking's rules read under its two locks, in one statement: the day's closure, the
 * resident's suspension, and (when the resource has a weekly quota) this week's bookings of
 * that kind. Compiled once for each of the two shapes.
 */
const bookingFacts = compiledShapes((withQuota: boolean) =>
  compiledQuery((db, p: { resourceId: string; day: string; userId: string; now: string; kind: string; from: string; to: string }) =>
    db.selectNoFrom((eb) => [
      eb.selectFrom('closed_dates').select('reason').where('resource_id', '=', p.resourceId).where('date', '=', p.day).as('closed'),
      eb.selectFrom('booking_suspensions').select('until').where('user_id', '=', p.userId).where('until', '>', p.now).limit(1).as('suspended'),
      withQuota
        ? eb
            .selectFrom('bookings as k')
            .innerJoin('resources as r', 'r.id', 'k.resource_id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('k.user_id', '=', p.userId)
            .where('r.kind', '=', p.kind)
            .where('k.status', 'in', ['pending', 'approved', 'checked_in'])
            .where('k.slot_start', '>=', p.from)
            .where('k.slot_start', '<', p.to)
            .as('used')
        : sql<number>`0`.as('used'),
    ]),
  ),
);

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
    // Every column: a column added to the table must be added here too.
  } satisfies Record<keyof BookingsTable, unknown>),
);
const firstStepInserted = compiledQuery((db, p: { id: string; bookingId: string; step: string; by: string; at: string }) =>
  db.insertInto('booking_steps').values({ id: p.id, seq: 1, booking_id: p.bookingId, step: p.step, note: null, by_user_id: p.by, at: p.at }),
);

/**
 * Books a slot: suspension and weekly quota checked, the booking written, a place taken,
 * the first timeline step and its message queued, all in one transaction. A full slot
 * rolls everything back. Returns the resource as it was under its lock.
 *
 * Seven statements for a room: the resident's row lock, the resource's row lock (returning
 * the resource), one read of the day's closure, the resident's suspension and this week's
 * count, then the booking, its place, its first step, its messages. Was nine (closure,
 * suspension and quota each read apart).
 */
export async function createBookingRow(
  db: Db,
  b: {
    row: BookingsTable;
    size: number;
    kind: string;
    quota: { limit: number; from: Date; to: Date } | null;
    checkSuspension: boolean;
    now: Date;
    firstStep: string;
    messages: OutgoingMessage[];
    /** The slot's Shanghai day, whose closure is re-read under the resource's lock. */
    day: string;
    admit: AdmitSlot;
  },
): Promise<ResourcesTable> {
  return db.transaction().execute(async (tx) => {
    await lockUser(tx, b.row.user_id);
    const resource = await lockResource(tx, b.row.resource_id);
    // What the rules read, under both locks, in one statement. Not in the locks' own RETURNING:
    // on PostgreSQL a statement that waited for a row lock still reads other tables as they were
    // when it began, so it would miss a closure or a booking committed by the lock's holder.
    const quota = b.quota;
    const facts = (await bookingFacts(quota !== null).takeFirst(tx, {
      resourceId: b.row.resource_id,
      day: b.day,
      userId: b.row.user_id,
      now: b.now.toISOString(),
      kind: b.kind,
      from: quota?.from.toISOString() ?? '',
      to: quota?.to.toISOString() ?? '',
    }))!;
    const closed = facts.closed;
    const suspended = facts.suspended;
    b.admit(resource, closed ?? null);
    if (b.checkSuspension && suspended) throw new AppError('BOOKING_SUSPENDED');
    if (quota && Number(facts.used) >= quota.limit) throw new AppError('BOOKING_QUOTA', `每人每周最多预约${quota.limit}次，本周已用完`);
    await bookingInserted.all(tx, b.row);
    if (!(await takePlace(tx, { resourceId: b.row.resource_id, slotStart: b.row.slot_start, size: b.size, bookingId: b.row.id }))) {
      throw new AppError(b.size === 1 ? 'BOOKING_SLOT_TAKEN' : 'BOOKING_WINDOW_FULL');
    }
    // A new booking's first step is step 1: no need to look for the last one.
    await firstStepInserted.all(tx, { id: newId(), bookingId: b.row.id, step: b.firstStep, by: b.row.user_id, at: b.now.toISOString() });
    await enqueue(tx, b.messages, b.now);
    return resource;
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

export type BookingStepRow = BookingStepsTable & { by_name: string | null };
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

const myBookingsQuery = compiledShapes((shape: MyBookingShape) =>
  compiledQuery((db, p: { userId: string; now: string; slotStart: string; id: string; limit: number }) => {
    let q = db
      .selectFrom('bookings as k')
      .innerJoin('resources as r', 'r.id', 'k.resource_id')
      .innerJoin('service_centers as c', 'c.id', 'r.center_id')
      .select(['k.id', 'k.resource_id', 'k.user_id', 'k.slot_start', 'k.slot_end', 'k.status', 'k.step', 'k.purpose', 'k.party_size', 'k.reject_reason', 'k.missing_materials'])
      .select(['r.name as resource_name', 'r.kind', 'c.name as center_name', 'c.community_id', 'r.cancel_cutoff_minutes', 'r.documents'])
      .select((eb) => {
        const steps = eb
          .selectFrom('booking_steps as s')
          .leftJoin('users as bu', 'bu.id', 's.by_user_id')
          .select(['s.booking_id', 's.seq', 's.step', 's.note', 's.at', 's.by_user_id', 'bu.nickname as by_name'])
          .whereRef('s.booking_id', '=', 'k.id')
          .orderBy('s.seq');
        return (isPostgres(db) ? pgJsonArray(steps) : sqliteJsonArray(steps)).as('steps');
      })
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
  return rows.map((r) => {
    // SQLite answers the JSON as text; pg parses it. Sorted here: an aggregate's order is not promised.
    const steps = (typeof r.steps === 'string' ? JSON.parse(r.steps) : r.steps) as BookingStepRow[];
    return { ...r, steps: steps.sort((a, b) => a.seq - b.seq) };
  });
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
