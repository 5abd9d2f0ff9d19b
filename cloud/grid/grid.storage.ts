import { sql } from 'kysely';
import { newId } from '../core/crypto';
import { holdPerson } from '../roles/grant-hold.storage';
import type { Db } from '../storage/dialect';
import type { AppFeedbackTable, GridVisitsTable, GroupOpensTable, HouseholdsTable, LiveCardsTable } from '../storage/schema';

/* ---------- grids and assignments ---------- */

export interface GridRow {
  id: string;
  name: string;
  community_id: string;
  community_name: string;
}

/** Grids (regions of level grid) with their community's id and name. */
function gridsWithCommunity(db: Db) {
  return db
    .selectFrom('regions as g')
    .innerJoin('regions as c', 'c.id', 'g.parent_id')
    .select(['g.id', 'g.name', 'c.id as community_id', 'c.name as community_name'])
    .where('g.level', '=', 'grid');
}

export async function getGrid(db: Db, gridId: string): Promise<GridRow | undefined> {
  return gridsWithCommunity(db).where('g.id', '=', gridId).executeTakeFirst();
}

export async function gridsOfCommunity(db: Db, communityId: string): Promise<GridRow[]> {
  return gridsWithCommunity(db).where('g.parent_id', '=', communityId).orderBy('g.sort').execute();
}

/** The grids a user is assigned to (whether the assignment still counts is the permission's call). */
export async function assignedGridRows(db: Db, userId: string): Promise<GridRow[]> {
  return db
    .selectFrom('grid_assignments as a')
    .innerJoin('regions as g', 'g.id', 'a.grid_id')
    .innerJoin('regions as c', 'c.id', 'g.parent_id')
    .select(['g.id', 'g.name', 'c.id as community_id', 'c.name as community_name'])
    .where('a.user_id', '=', userId)
    .orderBy('g.sort')
    .execute();
}

export async function isAssigned(db: Db, gridId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('grid_assignments').select('grid_id').where('grid_id', '=', gridId).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row);
}

/**
 * Assigns (or takes off) a worker. An assignment is written only while the person holds 网格员
 * in the grid's community, checked in the statement that writes it (false otherwise), so a
 * role taken away meanwhile wins.
 */
export async function setAssignment(db: Db, a: { gridId: string; communityId: string; userId: string; assigned: boolean; by: string; now: Date }): Promise<boolean> {
  if (a.assigned) {
    return db.transaction().execute(async (tx) => {
      await holdPerson(tx, a.userId);
      await tx
        .insertInto('grid_assignments')
        .columns(['grid_id', 'user_id', 'assigned_by', 'assigned_at'])
        .expression((eb) =>
          eb
            .selectFrom('role_grants as g')
            .select([sql<string>`${a.gridId}`.as('grid_id'), 'g.user_id', sql<string>`${a.by}`.as('assigned_by'), sql<string>`${a.now.toISOString()}`.as('assigned_at')])
            .where('g.user_id', '=', a.userId)
            .where('g.role', '=', 'gridWorker')
            .where('g.scope_id', '=', a.communityId),
        )
        .onConflict((oc) => oc.columns(['grid_id', 'user_id']).doNothing())
        .execute();
      const held = await tx.selectFrom('grid_assignments').select('user_id').where('grid_id', '=', a.gridId).where('user_id', '=', a.userId).executeTakeFirst();
      return held !== undefined;
    });
  } else {
    await db.deleteFrom('grid_assignments').where('grid_id', '=', a.gridId).where('user_id', '=', a.userId).execute();
    return true;
  }
}

export async function workersOfGrids(db: Db, gridIds: string[]): Promise<Array<{ grid_id: string; user_id: string; nickname: string }>> {
  if (gridIds.length === 0) return [];
  return db
    .selectFrom('grid_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.grid_id', 'a.user_id', 'u.nickname'])
    .where('a.grid_id', 'in', gridIds)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.nickname')
    .execute();
}

/* ---------- households ---------- */

export type HouseholdRow = HouseholdsTable;

export async function householdsOfGrid(db: Db, gridId: string): Promise<Array<HouseholdRow & { visits: number; last_visit_on: string | null }>> {
  const rows = await db
    .selectFrom('households as h')
    .leftJoin('grid_visits as v', 'v.household_id', 'h.id')
    .selectAll('h')
    .select((eb) => [eb.fn.count<number>('v.id').as('visits'), eb.fn.max('v.visited_on').as('last_visit_on')])
    .where('h.grid_id', '=', gridId)
    .groupBy(['h.id', 'h.grid_id', 'h.address', 'h.head_name_enc', 'h.phone_enc', 'h.note', 'h.created_at', 'h.updated_at'])
    .orderBy('h.address')
    .execute();
  return rows.map((r) => ({ ...r, visits: Number(r.visits), last_visit_on: (r.last_visit_on as string | null) ?? null }));
}

export async function getHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countHouseholds(db: Db, gridIds: string[]): Promise<Map<string, number>> {
  if (gridIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('households')
    .select(['grid_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('grid_id', 'in', gridIds)
    .groupBy('grid_id')
    .execute();
  return new Map(rows.map((r) => [r.grid_id, Number(r.n)]));
}

/** Inserts a household; false when the grid already has that address (unique index). */
export async function insertHousehold(db: Db, row: HouseholdRow): Promise<boolean> {
  const result = await db
    .insertInto('households')
    .values(row)
    .onConflict((oc) => oc.columns(['grid_id', 'address']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Creates or updates households by (grid, address), all or nothing. */
export async function upsertHouseholds(db: Db, rows: HouseholdRow[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const row of rows) {
      await tx
        .insertInto('households')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['grid_id', 'address']).doUpdateSet({
            head_name_enc: row.head_name_enc,
            phone_enc: row.phone_enc,
            note: row.note,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    }
  });
}

export async function existingAddresses(db: Db, gridIds: string[]): Promise<Set<string>> {
  if (gridIds.length === 0) return new Set();
  const rows = await db.selectFrom('households').select(['grid_id', 'address']).where('grid_id', 'in', gridIds).execute();
  return new Set(rows.map((r) => `${r.grid_id}\u0000${r.address}`));
}

/* ---------- visits ---------- */

export type VisitRow = GridVisitsTable & { address: string; petition_status: string | null };

function visitsWithHousehold(db: Db) {
  return db
    .selectFrom('grid_visits as v')
    .innerJoin('households as h', 'h.id', 'v.household_id')
    .leftJoin('petitions as p', 'p.id', 'v.petition_id')
    .selectAll('v')
    .select(['h.address', 'p.status as petition_status']);
}

export async function insertVisit(db: Db, row: GridVisitsTable): Promise<void> {
  await db.insertInto('grid_visits').values(row).execute();
}

export async function getVisit(db: Db, id: string): Promise<VisitRow | undefined> {
  return visitsWithHousehold(db).where('v.id', '=', id).executeTakeFirst();
}

export async function visitsOfGrids(db: Db, gridIds: string[], limit = 100): Promise<VisitRow[]> {
  if (gridIds.length === 0) return [];
  return visitsWithHousehold(db).where('v.grid_id', 'in', gridIds).orderBy('v.visited_on', 'desc').orderBy('v.created_at', 'desc').limit(limit).execute();
}

export async function visitsOfHousehold(db: Db, householdId: string): Promise<VisitRow[]> {
  return visitsWithHousehold(db).where('v.household_id', '=', householdId).orderBy('v.visited_on', 'desc').execute();
}

export async function countOpenFollowUps(db: Db, gridIds: string[]): Promise<number> {
  if (gridIds.length === 0) return 0;
  const row = await db
    .selectFrom('grid_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('grid_id', 'in', gridIds)
    .where('follow_up', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * follow_up: 0 = none, 1 = needed, 2 = being (or been) turned into a petition. Taking 1 → 2
 * is a conditional update, so two taps never file two petitions.
 */
export async function claimFollowUp(db: Db, visitId: string): Promise<boolean> {
  const r = await db.updateTable('grid_visits').set({ follow_up: 2 }).where('id', '=', visitId).where('follow_up', '=', 1).where('petition_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseFollowUp(db: Db, visitId: string): Promise<void> {
  await db.updateTable('grid_visits').set({ follow_up: 1 }).where('id', '=', visitId).where('petition_id', 'is', null).execute();
}

export async function linkPetition(db: Db, visitId: string, petitionId: string): Promise<void> {
  await db.updateTable('grid_visits').set({ petition_id: petitionId }).where('id', '=', visitId).execute();
}

/* ---------- group attribution ---------- */

/** Counts a resident once per (sharer, card, group); true when this was the first time. */
export async function recordGroupOpen(
  db: Db,
  o: { sharerId: string; targetKind: string; targetId: string; opengid: string; visitorId: string; newResident: boolean; now: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('group_opens')
    .values({
      id: newId(),
      sharer_id: o.sharerId,
      target_kind: o.targetKind,
      target_id: o.targetId,
      opengid: o.opengid,
      visitor_id: o.visitorId,
      new_resident: o.newResident ? 1 : 0,
      opened_at: o.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['sharer_id', 'target_kind', 'target_id', 'opengid', 'visitor_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export type GroupOpenRow = Omit<GroupOpensTable, 'id' | 'sharer_id'>;

/** Only ever called with the caller's own id. */
export async function groupOpensOf(db: Db, sharerId: string): Promise<GroupOpenRow[]> {
  return db
    .selectFrom('group_opens')
    .select(['target_kind', 'target_id', 'opengid', 'visitor_id', 'new_resident', 'opened_at'])
    .where('sharer_id', '=', sharerId)
    .execute();
}

export async function shareVisitsOf(db: Db, sharerId: string): Promise<Array<{ target_kind: string; target_id: string; visitor_id: string | null; visited_at: string }>> {
  return db.selectFrom('share_visits').select(['target_kind', 'target_id', 'visitor_id', 'visited_at']).where('sharer_id', '=', sharerId).execute();
}

/** Sign-ups made through my cards: (event, registrant). */
export async function signupsThrough(db: Db, sharerId: string): Promise<Array<{ event_id: string; user_id: string }>> {
  return db
    .selectFrom('event_registrations')
    .select(['event_id', 'user_id'])
    .where('shared_by', '=', sharerId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();
}

/** Bookings by these residents made after `since`; attribution is the caller's to decide. */
export async function bookingsBy(db: Db, userIds: string[]): Promise<Array<{ user_id: string; created_at: string }>> {
  if (userIds.length === 0) return [];
  return db.selectFrom('bookings').select(['user_id', 'created_at']).where('user_id', 'in', userIds).execute();
}

export async function titlesOf(db: Db, kind: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  if (kind === 'event') {
    const rows = await db.selectFrom('events').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  }
  if (kind === 'article') {
    const rows = await db.selectFrom('articles').select(['id', 'title']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.title]));
  }
  const rows = await db.selectFrom('honor_entries').select(['id', 'name', 'category']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `光荣榜·${r.category} ${r.name}`]));
}

export async function labelsOf(db: Db, ownerId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('group_labels').select(['opengid', 'label']).where('owner_id', '=', ownerId).execute();
  return new Map(rows.map((r) => [r.opengid, r.label]));
}

export async function hasReachedGroup(db: Db, sharerId: string, opengid: string): Promise<boolean> {
  const row = await db.selectFrom('group_opens').select('id').where('sharer_id', '=', sharerId).where('opengid', '=', opengid).executeTakeFirst();
  return Boolean(row);
}

export async function setLabel(db: Db, l: { ownerId: string; opengid: string; label: string; now: Date }): Promise<void> {
  if (!l.label) {
    await db.deleteFrom('group_labels').where('owner_id', '=', l.ownerId).where('opengid', '=', l.opengid).execute();
    return;
  }
  await db
    .insertInto('group_labels')
    .values({ owner_id: l.ownerId, opengid: l.opengid, label: l.label, updated_at: l.now.toISOString() })
    .onConflict((oc) => oc.columns(['owner_id', 'opengid']).doUpdateSet({ label: l.label, updated_at: l.now.toISOString() }))
    .execute();
}

/* ---------- community totals (never per person) ---------- */

/** Users who hold a staff role in the community, whose shares count for it. */
export async function totalsFor(db: Db, communityId: string): Promise<Omit<import('../../types/grid-model').CommunityTotals, 'communityId' | 'communityName'>> {
  const staff = db.selectFrom('role_grants').select('user_id').where('scope_id', '=', communityId);
  const gridIds = db.selectFrom('regions').select('id').where('parent_id', '=', communityId).where('level', '=', 'grid');
  const [opens, cards, signups, visits, reports] = await Promise.all([
    db
      .selectFrom('group_opens')
      .select((eb) => [
        eb.fn.countAll<number>().as('opens'),
        eb.fn.count<number>('opengid').distinct().as('groups'),
        eb.fn.sum<number>('new_resident').as('new_residents'),
      ])
      .where('sharer_id', 'in', staff)
      .executeTakeFirstOrThrow(),
    // A card counts once whether it was made live, reached a group, or both.
    db
      .selectFrom(
        db
          .selectFrom('live_cards')
          .select((eb) => [eb.val('event').as('kind'), 'event_id as id'])
          .where('sharer_id', 'in', staff)
          .union(db.selectFrom('group_opens').select(['target_kind as kind', 'target_id as id']).where('sharer_id', 'in', staff))
          .as('cards'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('event_registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shared_by', 'in', staff)
      .where('status', 'in', ['confirmed', 'waitlisted'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('grid_visits')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('follow_up', '>', 0).then(1).else(0).end()).as('f')])
      .where('grid_id', 'in', gridIds)
      .executeTakeFirstOrThrow(),
    db.selectFrom('grid_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('community_id', '=', communityId).executeTakeFirstOrThrow(),
  ]);
  return {
    sharedCards: Number(cards.n),
    groupsReached: Number(opens.groups),
    opens: Number(opens.opens),
    newResidents: Number(opens.new_residents ?? 0),
    signups: Number(signups.n),
    visits: Number(visits.n),
    followUps: Number(visits.f ?? 0),
    reports: Number(reports.n),
  };
}

/* ---------- live cards (动态消息) ---------- */

export type LiveCardRow = LiveCardsTable;

export async function usableLiveCard(db: Db, eventId: string, sharerId: string, validAfter: Date): Promise<LiveCardRow | undefined> {
  return db
    .selectFrom('live_cards')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('sharer_id', '=', sharerId)
    .where('status', '=', 'active')
    .where('expires_at', '>', validAfter.toISOString())
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

export async function insertLiveCard(db: Db, row: LiveCardRow): Promise<void> {
  await db.insertInto('live_cards').values(row).execute();
}

/** Active cards, with the event's current facts, of events that have any. */
export async function activeLiveCards(db: Db): Promise<Array<LiveCardRow & { state: string; starts_at: string; ends_at: string; capacity: number; confirmed_count: number; requires_signup: number; signup_opens_at: string; signup_closes_at: string }>> {
  return db
    .selectFrom('live_cards as l')
    .innerJoin('events as e', 'e.id', 'l.event_id')
    .selectAll('l')
    .select(['e.state', 'e.starts_at', 'e.ends_at', 'e.capacity', 'e.confirmed_count', 'e.requires_signup', 'e.signup_opens_at', 'e.signup_closes_at'])
    .where('l.status', '=', 'active')
    .execute();
}

export async function settleLiveCard(
  db: Db,
  activityId: string,
  change: { status?: string; sent?: { state: number; count: number; limit: number; at: Date } },
): Promise<void> {
  await db
    .updateTable('live_cards')
    .set({
      ...(change.status && { status: change.status }),
      ...(change.sent && { sent_state: change.sent.state, sent_count: change.sent.count, sent_limit: change.sent.limit, sent_at: change.sent.at.toISOString() }),
    })
    .where('activity_id', '=', activityId)
    .execute();
}

/* ---------- 随手拍 ---------- */

export async function insertGridReport(db: Db, row: import('../storage/schema').GridReportsTable): Promise<void> {
  await db.insertInto('grid_reports').values(row).execute();
}

export async function recentReports(db: Db, communityId: string, since: Date) {
  return db
    .selectFrom('grid_reports as r')
    .innerJoin('petitions as p', 'p.id', 'r.petition_id')
    .select(['r.petition_id', 'r.latitude', 'r.longitude', 'r.place', 'r.created_at', 'p.title', 'p.status'])
    .where('r.community_id', '=', communityId)
    .where('r.created_at', '>=', since.toISOString())
    .orderBy('r.created_at', 'desc')
    .execute();
}

/* ---------- 投诉建议 ---------- */

export async function insertFeedback(db: Db, row: AppFeedbackTable): Promise<void> {
  await db.insertInto('app_feedback').values(row).execute();
}

export async function listFeedback(db: Db, limit = 200) {
  return db
    .selectFrom('app_feedback as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['f.id', 'f.kind', 'f.body', 'f.created_at', 'u.nickname'])
    .orderBy('f.created_at', 'desc')
    .limit(limit)
    .execute();
}

/* ---------- share card facts ---------- */

export async function articleForCard(db: Db, id: string) {
  return db.selectFrom('articles').select(['title', 'summary', 'category', 'status', 'publish_at', 'created_at']).where('id', '=', id).executeTakeFirst();
}

export async function honorForCard(db: Db, id: string) {
  return db
    .selectFrom('honor_entries as e')
    .innerJoin('honor_lists as l', 'l.id', 'e.list_id')
    .select(['e.name', 'e.category', 'l.title', 'l.published'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}
