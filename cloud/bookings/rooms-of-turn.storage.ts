import { sql } from 'kysely';
import { newId } from '../core/crypto';
import { messageRows } from '../notifications/outbox.storage';
import { compiledQuery } from '../storage/compiled-query';
import type { Db } from '../storage/dialect';
import { queuedMessageList } from '../storage/queued-messages';
import { oneAtATimePerKey, refusedForItsRows, turnBatches } from '../storage/turn-batches';
import type { BookingPlan, ResourceRow, SlotBooked, SlotRequest } from './bookings.storage';

/**
 * Room bookings on PostgreSQL, a turn of the event loop's worth as ONE statement.
 *
 * The long way (`bookSlotInTransaction`) is BEGIN, the room's lock (a write that returns the
 * room), the booking with its facts, COMMIT: four round trips, with the room locked across
 * three, so a room's bookings took turns at the database one transaction at a time. Here the
 * bookings that arrive in one turn, whatever their rooms, are planned on the room as this
 * process last wrote it (lib/booking-plan.ts, the plan the long way runs), and written by one
 * statement that checks, under the rooms' locks, what the long way checks after its lock:
 * - the room is the very row version planned on (`xmin`): the long way and every change of a
 *   room (its settings, a closed day: `setClosedDates` takes the same locking write) write a new
 *   version, and this statement only locks (`FOR UPDATE`, no new version). The same version also
 *   means none of those was committed after this statement's snapshot was taken, so its reads
 *   of the closed days see them all;
 * - the center's name and community are still those planned on (they go into the messages);
 * - the day is not closed; the resident is not suspended (read as of the statement's snapshot:
 *   a suspension written meanwhile takes no lock the booking meets, as on the long way);
 * - with a weekly quota, the resident's bookings of the kind this week are under it, counted
 *   under the resident's lock and only when the resident's row is the version the snapshot saw
 *   (another host's booking takes that lock with a write: one committed after the snapshot
 *   would not be counted, so that booking goes the long way). The statement writes a new
 *   version of each such resident, as the long way does, so a statement whose snapshot is older
 *   than this one's commit knows to go the long way too;
 * - the slot's place (seat 0) is free: `on conflict do nothing`, and a booking without its
 *   place is not written.
 * The statement never waits for a row lock (`SKIP LOCKED`): a room or resident another
 * transaction holds leaves its bookings out. So it cannot deadlock with the long way (which
 * locks a room, then its resident) nor hold up the other rooms' bookings behind one lock.
 * A booking the statement does not write goes the long way, which books it or refuses it with the
 * reason. Two bookings of one resident, or of one slot, in the same turn: the later goes the long
 * way. Only bookings with one place a slot are batched (rooms; a hall item with a window of
 * one); the others always go the long way, one at a time per resource in this process.
 * A failure of the statement on its rows (a value or a constraint refused) sends the turn the
 * long way; any other (the database gone, a timeout) fails the turn's bookings, as it would each.
 */
export async function bookRoomOfTurn(db: Db, b: SlotRequest, longWay: () => Promise<SlotBooked>): Promise<SlotBooked> {
  const remembering = async () => {
    const booked = await longWay();
    if (booked.version !== null) remember(booked.resource, booked.version);
    return booked;
  };
  if (!knownRooms.has(b.resourceId)) {
    // The first booking of a crowd shows the room to all that follow it (they wait here).
    const first = await inTurn(b.resourceId, () => (knownRooms.has(b.resourceId) ? undefined : remembering()));
    if (first) return first;
  }
  return (await roomBookingOfTurn(db, b)) ?? inTurn(b.resourceId, remembering);
}

/** A room as this process's last long-way booking wrote it, and that row version. Never trusted: the statement checks the version. */
interface KnownRoom {
  resource: ResourceRow;
  version: string;
}
const knownRooms = new Map<string, KnownRoom>();

function remember(resource: ResourceRow, version: string): void {
  if (knownRooms.size >= 2000 && !knownRooms.has(resource.id)) knownRooms.clear();
  knownRooms.set(resource.id, { resource, version });
}

/** The long way's bookings of one room take their turn in this process (see `oneAtATimePerKey`). */
const inTurn = oneAtATimePerKey();

interface RoomBooking {
  b: SlotRequest;
  plan: BookingPlan;
  known: KnownRoom;
}

/** `b` planned on the room this process knows, in its turn's statement; undefined when it must go the long way. */
async function roomBookingOfTurn(db: Db, b: SlotRequest): Promise<SlotBooked | undefined> {
  const known = knownRooms.get(b.resourceId);
  if (!known) return undefined;
  let plan: BookingPlan;
  try {
    plan = b.plan(known.resource);
    b.admit(known.resource, null);
  } catch {
    // Refused on what this process knows: the long way refuses (or books) on the row as it is.
    return undefined;
  }
  if (plan.size !== 1) return undefined;
  return (await roomBookingsOfTurn(db, { b, plan, known })) ? { resource: known.resource, plan, version: known.version } : undefined;
}

/** One statement at a time a database handle (`oneAtATime`): bookings that come while one runs go in the next. */
const roomBookingsOfTurn = turnBatches(
  async (db: Db, batch: readonly RoomBooking[]): Promise<boolean[]> => {
    const residents = new Set<string>();
    const slots = new Set<string>();
    const tried = batch.filter(({ plan: { row } }) => {
      const slot = `${row.resource_id} ${row.slot_start}`;
      if (residents.has(row.user_id) || slots.has(slot)) return false;
      residents.add(row.user_id);
      slots.add(slot);
      return true;
    });
    const bookings = tried.map(({ b, plan, known }, i) => ({
      ...plan.row,
      ord: i + 1,
      version: known.version,
      center_name: known.resource.center_name,
      community_id: known.resource.community_id,
      kind: known.resource.kind,
      day: b.day,
      now: b.now.toISOString(),
      week_from: b.week.from.toISOString(),
      week_to: b.week.to.toISOString(),
      quota: plan.quota,
      check_suspension: plan.checkSuspension,
      step_id: newId(),
      first_step: plan.firstStep,
    }));
    const values = { bookings: JSON.stringify(bookings), ...messageRows(tried.map(({ b, plan }) => ({ told: plan.row.id, messages: plan.messages, now: b.now }))) };
    let written: Array<{ id: string }>;
    try {
      written = await roomBookingsStatement.all(db, values);
    } catch (error) {
      // A value or a constraint refused (or a deadlock): each goes the long way.
      if (refusedForItsRows(error)) return batch.map(() => false);
      throw error;
    }
    const ids = new Set(written.map((w) => w.id));
    return batch.map(({ plan }) => ids.has(plan.row.id));
  },
  { oneAtATime: true, maxBatchSize: 200 },
);

/** The statement of a turn's room bookings (see `bookRoomOfTurn` for what each part checks). */
const roomBookingsStatement = compiledQuery((db, p: Record<string, unknown>) => {
  const statement = sql<{ id: string }>`
    with req as (
      select * from jsonb_to_recordset(${p.bookings}::jsonb) as q(
        id text, resource_id text, user_id text, slot_start text, slot_end text, status text, step text, purpose text,
        party_size int, reject_reason text, missing_materials text, created_at text, updated_at text,
        ord int, version text, center_name text, community_id text, kind text, day text, now text, week_from text, week_to text,
        quota int, check_suspension boolean, step_id text, first_step text)
    ), locked as materialized (
      select r.id, r.xmin::text as version from resources r
      where r.id = any(array(select distinct resource_id from req)) order by r.id for update of r skip locked
    ), quota_users as materialized (
      select u.id, u.xmin::text as version, (select s.xmin::text from users s where s.id = u.id) as seen from users u
      where u.id = any(array(select distinct user_id from req where quota is not null)) order by u.id for update of u skip locked
    ), fit as (
      select q.* from req q join locked l on l.id = q.resource_id and l.version = q.version
      where exists (select 1 from resources rr join service_centers c on c.id = rr.center_id
          where rr.id = q.resource_id and c.name = q.center_name and c.community_id = q.community_id)
        and not exists (select 1 from closed_dates d where d.resource_id = q.resource_id and d.date = q.day)
        and (not q.check_suspension or not exists (select 1 from booking_suspensions s where s.user_id = q.user_id and s.until > q.now))
        and (q.quota is null or (
          exists (select 1 from quota_users u where u.id = q.user_id and u.version = u.seen)
          and (select count(*) from bookings k join resources kr on kr.id = k.resource_id
            where k.user_id = q.user_id and kr.kind = q.kind and k.status in ('pending', 'approved', 'checked_in')
              and k.slot_start >= q.week_from and k.slot_start < q.week_to) < q.quota))
    ), held as (
      insert into slot_holds (resource_id, slot_start, seat, booking_id)
      select resource_id, slot_start, 0, id from fit order by ord
      on conflict (resource_id, slot_start, seat) do nothing
      returning booking_id
    ), booking as (
      insert into bookings (id, resource_id, user_id, slot_start, slot_end, status, step, purpose, party_size, reject_reason, missing_materials, created_at, updated_at)
      select f.id, f.resource_id, f.user_id, f.slot_start, f.slot_end, f.status, f.step, f.purpose, f.party_size, f.reject_reason, f.missing_materials, f.created_at, f.updated_at
      from fit f join held h on h.booking_id = f.id
      returning id, user_id
    ), step as (
      insert into booking_steps (id, seq, booking_id, step, note, by_user_id, at)
      select f.step_id, 1, f.id, f.first_step, null, f.user_id, f.created_at from fit f join held h on h.booking_id = f.id
    ), counted as (
      update users u set failed_logins = u.failed_logins
      from (select distinct f.user_id from fit f join held h on h.booking_id = f.id where f.quota is not null) w where u.id = w.user_id
    ), queued as (
      ${queuedMessageList(p, sql`join held h on h.booking_id = m.told`)}
    )
    select booking_id as id from held`;
  return { compile: () => statement.compile(db) };
});
