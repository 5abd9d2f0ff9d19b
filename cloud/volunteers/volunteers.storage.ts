import { sql, type ExpressionBuilder } from 'kysely';
import { newId } from '../core/crypto';
import type { Db } from '../storage/dialect';
import type { Database, EventVolunteersTable } from '../storage/schema';
import { PLACES_FIXED_STATES } from './volunteers.permissions';

export type VolunteerRow = EventVolunteersTable;

/** The event fields the volunteer rules read. */
export interface VolunteerEventRow {
  id: string;
  title: string;
  venue: string;
  scope_id: string;
  scope_level: string;
  state: string;
  starts_at: string;
  ends_at: string;
  volunteer_capacity: number;
  volunteer_count: number;
}

/** A volunteer's place as taken at `at`: confirmed, not yet in or out, nothing corrected. */
export function newVolunteerRow(v: { eventId: string; userId: string; code: string }, at: string): VolunteerRow {
  return {
    id: newId(),
    event_id: v.eventId,
    user_id: v.userId,
    status: 'confirmed',
    code: v.code,
    checked_in_at: null,
    checked_in_by: null,
    checked_out_at: null,
    checked_out_by: null,
    corrected_minutes: null,
    correction_reason: null,
    corrected_by: null,
    corrected_at: null,
    created_at: at,
    updated_at: at,
  };
}

export async function getVolunteerEvent(db: Db, eventId: string): Promise<VolunteerEventRow | undefined> {
  return db
    .selectFrom('events as e')
    .innerJoin('regions as r', 'r.id', 'e.scope_id')
    .select(['e.id', 'e.title', 'e.venue', 'e.scope_id', 'r.level as scope_level', 'e.state', 'e.starts_at', 'e.ends_at', 'e.volunteer_capacity', 'e.volunteer_count'])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
}

export async function getVolunteer(db: Db, eventId: string, userId: string): Promise<VolunteerRow | undefined> {
  return db.selectFrom('event_volunteers').selectAll().where('event_id', '=', eventId).where('user_id', '=', userId).executeTakeFirst();
}

export async function getVolunteerById(db: Db, id: string): Promise<VolunteerRow | undefined> {
  return db.selectFrom('event_volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getVolunteerByCode(db: Db, code: string): Promise<VolunteerRow | undefined> {
  return db.selectFrom('event_volunteers').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Changes the number of places unless it would fall below the volunteers already signed up,
 * or the event was cancelled or closed meanwhile (one statement).
 */
export async function setVolunteerCapacity(db: Db, eventId: string, capacity: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('events')
    .set({ volunteer_capacity: capacity, updated_at: now.toISOString() })
    .where('id', '=', eventId)
    .where('state', 'not in', PLACES_FIXED_STATES)
    .where('volunteer_count', '<=', capacity)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type SignUpOutcome = { volunteer: VolunteerRow; created: boolean } | { full: true } | { closed: true };

/**
 * Takes a volunteer place: the count goes up only while a place is free and the event still
 * takes sign-ups (published, not started), checked in the same statement that counts, inside
 * the transaction that writes the volunteer. Signing up again returns the same row.
 */
export async function takeVolunteerPlace(db: Db, v: { eventId: string; userId: string; code: string; now: Date }): Promise<SignUpOutcome> {
  const at = v.now.toISOString();
  try {
    return await db.transaction().execute(async (tx): Promise<SignUpOutcome> => {
      const existing = await getVolunteer(tx, v.eventId, v.userId);
      if (existing?.status === 'confirmed') return { volunteer: existing, created: false };
      const taken = await tx
        .updateTable('events')
        .set({ volunteer_count: sql`volunteer_count + 1` })
        .where('id', '=', v.eventId)
        .where('state', '=', 'published')
        .where('starts_at', '>', at)
        .where((eb) => eb('volunteer_count', '<', eb.ref('volunteer_capacity')))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) {
        const event = await getVolunteerEvent(tx, v.eventId);
        return event && event.state === 'published' && event.starts_at > at ? { full: true } : { closed: true };
      }
      if (existing) {
        const fields = { status: 'confirmed', checked_in_at: null, checked_in_by: null, checked_out_at: null, checked_out_by: null, updated_at: at };
        await tx.updateTable('event_volunteers').set(fields).where('id', '=', existing.id).execute();
        return { volunteer: { ...existing, ...fields }, created: true };
      }
      const volunteer = newVolunteerRow({ eventId: v.eventId, userId: v.userId, code: v.code }, at);
      await tx.insertInto('event_volunteers').values(volunteer).execute();
      return { volunteer, created: true };
    });
  } catch (error) {
    // Two taps of the same resident raced: the unique (event, user) let one in.
    const winner = await getVolunteer(db, v.eventId, v.userId);
    if (winner?.status === 'confirmed') return { volunteer: winner, created: false };
    throw error;
  }
}

/** Gives the place back before the event starts; a second cancel changes nothing. */
export async function releaseVolunteerPlace(db: Db, v: { eventId: string; userId: string; now: Date }): Promise<VolunteerRow | 'closed' | undefined> {
  const at = v.now.toISOString();
  return db.transaction().execute(async (tx) => {
    const ended = await tx
      .updateTable('event_volunteers')
      .set({ status: 'cancelled', updated_at: at })
      .where('event_id', '=', v.eventId)
      .where('user_id', '=', v.userId)
      .where('status', '=', 'confirmed')
      .where('checked_in_at', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('events').select('id').where('id', '=', v.eventId).where('starts_at', '>', at)))
      .executeTakeFirst();
    const row = await getVolunteer(tx, v.eventId, v.userId);
    if (Number(ended.numUpdatedRows) === 1) {
      await tx.updateTable('events').set({ volunteer_count: sql`volunteer_count - 1` }).where('id', '=', v.eventId).execute();
      return row;
    }
    return row?.status === 'confirmed' ? 'closed' : row;
  });
}

const eventNotCancelled = (eb: ExpressionBuilder<Database, 'event_volunteers'>) =>
  eb.exists(eb.selectFrom('events').select('events.id').whereRef('events.id', '=', 'event_volunteers.event_id').where('events.state', '!=', 'cancelled'));

/**
 * Marks the arrival once (a second scan at the same moment loses and is answered as a check-out
 * or "already"); never on an event cancelled since the scan was checked.
 */
export async function markVolunteerIn(db: Db, id: string, staffId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('event_volunteers')
    .set({ checked_in_at: now.toISOString(), checked_in_by: staffId, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .where(eventNotCancelled)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markVolunteerOut(db: Db, id: string, staffId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('event_volunteers')
    .set({ checked_out_at: now.toISOString(), checked_out_by: staffId, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is not', null)
    .where('checked_out_at', 'is', null)
    .where(eventNotCancelled)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the minutes that count, only while the volunteer is still signed up (one statement). */
export async function correctMinutes(db: Db, c: { id: string; minutes: number; reason: string; staffId: string; now: Date }): Promise<boolean> {
  const result = await db
    .updateTable('event_volunteers')
    .set({ corrected_minutes: c.minutes, correction_reason: c.reason, corrected_by: c.staffId, corrected_at: c.now.toISOString(), updated_at: c.now.toISOString() })
    .where('id', '=', c.id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type RosterRow = VolunteerRow & { nickname: string };

export async function volunteersOf(db: Db, eventId: string): Promise<RosterRow[]> {
  return db
    .selectFrom('event_volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .selectAll('v')
    .select('u.nickname')
    .where('v.event_id', '=', eventId)
    .orderBy('v.status')
    .orderBy('v.created_at')
    .execute();
}

export type ServiceRow = VolunteerRow & Pick<VolunteerEventRow, 'title' | 'venue' | 'starts_at' | 'ends_at' | 'state'>;

/** A resident's volunteering at events that were not cancelled, newest first. */
export async function servicesOf(db: Db, userId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('event_volunteers as v')
    .innerJoin('events as e', 'e.id', 'v.event_id')
    .selectAll('v')
    .select(['e.title', 'e.venue', 'e.starts_at', 'e.ends_at', 'e.state'])
    .where('v.user_id', '=', userId)
    .where('v.status', '=', 'confirmed')
    .where('e.state', '!=', 'cancelled')
    .orderBy('e.starts_at', 'desc')
    .execute();
}

export type ExportRow = ServiceRow & { nickname: string; community_name: string | null };

/**
 * Every volunteering that started within [from, to) at events of these communities ('all'
 * for the district), for the yearly export.
 */
export async function servicesInRange(db: Db, q: { from: string; to: string; communityIds: string[] | 'all' }): Promise<ExportRow[]> {
  let query = db
    .selectFrom('event_volunteers as v')
    .innerJoin('events as e', 'e.id', 'v.event_id')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .leftJoin('regions as c', 'c.id', 'u.home_community_id')
    .selectAll('v')
    .select(['e.title', 'e.venue', 'e.starts_at', 'e.ends_at', 'e.state', 'u.nickname', 'c.name as community_name'])
    .where('v.status', '=', 'confirmed')
    .where('e.state', '!=', 'cancelled')
    .where('e.starts_at', '>=', q.from)
    .where('e.starts_at', '<', q.to);
  if (q.communityIds !== 'all') query = query.where('e.scope_id', 'in', q.communityIds.length ? q.communityIds : ['-']);
  return query.orderBy('v.user_id').orderBy('e.starts_at').execute();
}
