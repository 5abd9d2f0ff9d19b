import { sql } from 'kysely';
import { holdPerson } from '../roles/grant-hold.storage';
import type { Db } from '../storage/dialect';
import type { HonorEntriesTable, HonorListsTable, NominationsTable, ThanksPostsTable } from '../storage/schema';

export type HonorListRow = HonorListsTable & { scope_name: string; entry_count: number };
export type HonorEntryRow = HonorEntriesTable & { community_name: string; likes: number; list_title: string; year: number; published: number; scope_id: string };

function listsWithCounts(db: Db) {
  return db
    .selectFrom('honor_lists as l')
    .innerJoin('regions as r', 'r.id', 'l.scope_id')
    .selectAll('l')
    .select('r.name as scope_name')
    .select((eb) => eb.selectFrom('honor_entries as e').whereRef('e.list_id', '=', 'l.id').select(eb.fn.countAll<number>().as('n')).as('entry_count'));
}

const counted = <T extends { entry_count: number | string | null }>(r: T) => ({ ...r, entry_count: Number(r.entry_count ?? 0) });

export async function listHonorListRows(db: Db, q: { year?: number; scopeIds?: string[]; publishedOnly: boolean }): Promise<HonorListRow[]> {
  let query = listsWithCounts(db).orderBy('l.year', 'desc').orderBy('r.sort');
  if (q.year) query = query.where('l.year', '=', q.year);
  if (q.scopeIds) query = query.where('l.scope_id', 'in', q.scopeIds);
  if (q.publishedOnly) query = query.where('l.published', '=', 1);
  return (await query.execute()).map(counted);
}

export async function getHonorListRow(db: Db, id: string): Promise<HonorListRow | undefined> {
  const row = await listsWithCounts(db).where('l.id', '=', id).executeTakeFirst();
  return row && counted(row);
}

/**
 * Creates a list, or changes an existing one's title, year, scope and categories. Whether it
 * is published is left as the row has it (setListPublished alone changes that), so an edit
 * read before a publish does not take the list down again.
 */
export async function saveHonorListRow(db: Db, row: HonorListsTable): Promise<void> {
  const { id: _id, created_at: _c, published: _p, ...rest } = row;
  await db.insertInto('honor_lists').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
}

/** Publishes or takes down a list: that one column, so an edit landing meanwhile is kept. */
export async function setListPublished(db: Db, id: string, published: boolean, now: Date): Promise<void> {
  await db.updateTable('honor_lists').set({ published: published ? 1 : 0, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Locks the list's row (PostgreSQL holds it until commit, so a saveList waits) and tells
 * whether the list still has this category: an entry is written only into a category the
 * list has as the entry is written.
 */
async function listTakes(tx: Db, listId: string, category: string): Promise<boolean> {
  await tx.updateTable('honor_lists').set({ id: sql`id` }).where('id', '=', listId).execute();
  const list = await tx.selectFrom('honor_lists').select('categories').where('id', '=', listId).executeTakeFirst();
  return !!list && (JSON.parse(list.categories) as string[]).includes(category);
}

function entriesWithLikes(db: Db) {
  return db
    .selectFrom('honor_entries as e')
    .innerJoin('honor_lists as l', 'l.id', 'e.list_id')
    .innerJoin('regions as c', 'c.id', 'e.community_id')
    .selectAll('e')
    .select(['c.name as community_name', 'l.title as list_title', 'l.year', 'l.published', 'l.scope_id'])
    .select((eb) => eb.selectFrom('honor_likes as k').whereRef('k.entry_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('likes'));
}

const liked = <T extends { likes: number | string | null }>(r: T) => ({ ...r, likes: Number(r.likes ?? 0) });

export async function entriesOfList(db: Db, listId: string): Promise<HonorEntryRow[]> {
  return (await entriesWithLikes(db).where('e.list_id', '=', listId).orderBy('e.category').orderBy('e.sort').orderBy('e.name').execute()).map(liked);
}

export async function getHonorEntryRow(db: Db, id: string): Promise<HonorEntryRow | undefined> {
  const row = await entriesWithLikes(db).where('e.id', '=', id).executeTakeFirst();
  return row && liked(row);
}

/** Creates or changes an entry, only while its list has the entry's category (false: nothing written). */
export async function saveHonorEntryRow(db: Db, row: HonorEntriesTable): Promise<boolean> {
  const { id: _id, created_at: _c, ...rest } = row;
  return db.transaction().execute(async (tx) => {
    if (!(await listTakes(tx, row.list_id, row.category))) return false;
    await tx.insertInto('honor_entries').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
    return true;
  });
}

/**
 * One like a person an entry (the primary key). An insert-select from the entry's list, so it
 * is written only while the list is published: an unpublish landing after the handler's
 * check leaves nothing. Returns whether a new like was written (false for a repeat too).
 */
export async function insertLike(db: Db, entryId: string, userId: string, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('honor_likes')
    .columns(['entry_id', 'user_id', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('honor_entries as e')
        .innerJoin('honor_lists as l', 'l.id', 'e.list_id')
        .select(['e.id as entry_id', sql<string>`${userId}`.as('user_id'), sql<string>`${now.toISOString()}`.as('created_at')])
        .where('e.id', '=', entryId)
        .where('l.published', '=', 1),
    )
    .onConflict((oc) => oc.columns(['entry_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function hasLiked(db: Db, entryId: string, userId: string): Promise<boolean> {
  return (await db.selectFrom('honor_likes').select('user_id').where('entry_id', '=', entryId).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
}

export type NominationRow = NominationsTable & { community_name: string; nominator_name: string | null };

function nominationsWithNames(db: Db) {
  return db
    .selectFrom('nominations as n')
    .innerJoin('regions as r', 'r.id', 'n.community_id')
    .leftJoin('users as u', 'u.id', 'n.nominator_id')
    .selectAll('n')
    .select(['r.name as community_name', 'u.nickname as nominator_name']);
}

export async function insertNomination(db: Db, row: NominationsTable): Promise<void> {
  await db.insertInto('nominations').values(row).execute();
}

export async function getNominationRow(db: Db, id: string): Promise<NominationRow | undefined> {
  return nominationsWithNames(db).where('n.id', '=', id).executeTakeFirst();
}

export async function nominationRows(db: Db, q: { nominatorId?: string; communityIds?: string[] | 'all'; status?: string }): Promise<NominationRow[]> {
  let query = nominationsWithNames(db).orderBy('n.created_at', 'desc').limit(500);
  if (q.nominatorId) query = query.where('n.nominator_id', '=', q.nominatorId);
  if (q.communityIds && q.communityIds !== 'all') {
    if (q.communityIds.length === 0) return [];
    query = query.where('n.community_id', 'in', q.communityIds);
  }
  if (q.status) query = query.where('n.status', '=', q.status);
  return query.execute();
}

class AlreadySettled extends Error {}

/**
 * Settles a pending nomination once (a conditional update); an accepted one becomes an
 * entry of the chosen list in the same transaction.
 */
export async function settleNomination(
  db: Db,
  s: { id: string; status: 'accepted' | 'declined'; declineReason: string | null; entry: HonorEntriesTable | null; by: string; now: Date },
): Promise<'settled' | 'notPending' | 'categoryGone'> {
  try {
    return await db.transaction().execute(async (tx) => {
      // The entry first: the nomination points at it; only into a category the list still has.
      if (s.entry) {
        if (!(await listTakes(tx, s.entry.list_id, s.entry.category))) throw new CategoryGone();
        await tx.insertInto('honor_entries').values(s.entry).execute();
      }
      const result = await tx
        .updateTable('nominations')
        .set({ status: s.status, decline_reason: s.declineReason, entry_id: s.entry?.id ?? null, reviewed_by: s.by, reviewed_at: s.now.toISOString() })
        .where('id', '=', s.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AlreadySettled();
      return 'settled' as const;
    });
  } catch (error) {
    if (error instanceof AlreadySettled) return 'notPending';
    if (error instanceof CategoryGone) return 'categoryGone';
    throw error;
  }
}

/** Rolls a review back: the list lost the nominee's category meanwhile. */
class CategoryGone extends Error {}

export type ThanksRow = ThanksPostsTable & { author_name: string | null; community_name: string; reports: number };

function thanksWithNames(db: Db) {
  return db
    .selectFrom('thanks_posts as t')
    .innerJoin('regions as r', 'r.id', 't.community_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .selectAll('t')
    .select(['u.nickname as author_name', 'r.name as community_name'])
    .select((eb) => eb.selectFrom('thanks_reports as p').whereRef('p.post_id', '=', 't.id').select(eb.fn.countAll<number>().as('n')).as('reports'));
}

const reported = <T extends { reports: number | string | null }>(r: T) => ({ ...r, reports: Number(r.reports ?? 0) });

/**
 * Writes a thank-you. One to a staff member is an insert-select from their grants, so it is
 * kept only while they are staff of that community (or of the district) as it is written:
 * a role taken away after the handler's check leaves nothing (false).
 */
export async function insertThanks(db: Db, row: ThanksPostsTable): Promise<boolean> {
  const staffId = row.target_user_id;
  if (row.target_kind !== 'staff' || !staffId) {
    await db.insertInto('thanks_posts').values(row).execute();
    return true;
  }
  const columns = Object.keys(row) as Array<keyof ThanksPostsTable>;
  return db.transaction().execute(async (tx) => {
    await holdPerson(tx, staffId);
    const r = await tx
      .insertInto('thanks_posts')
      .columns(columns)
      .expression((eb) =>
        eb
          .selectFrom('role_grants as g')
          .select(columns.map((c) => sql`${row[c]}`.as(c)))
          .where('g.user_id', '=', staffId)
          .where((w) => w.or([w('g.scope_id', '=', row.community_id), w('g.role', '=', 'districtAdmin')]))
          .limit(1),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}

export async function getThanksRow(db: Db, id: string): Promise<ThanksRow | undefined> {
  const row = await thanksWithNames(db).where('t.id', '=', id).executeTakeFirst();
  return row && reported(row);
}

export async function thanksRows(
  db: Db,
  q: { statuses: string[]; scopeIds?: string[] | 'all'; targetUserId?: string; before?: { createdAt: string; id: string }; limit: number; reportedOnly?: boolean },
): Promise<ThanksRow[]> {
  let query = thanksWithNames(db).where('t.status', 'in', q.statuses).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(q.limit);
  if (q.reportedOnly) query = query.where((eb) => eb.exists(eb.selectFrom('thanks_reports as x').select('x.post_id').whereRef('x.post_id', '=', 't.id')));
  if (q.scopeIds && q.scopeIds !== 'all') {
    if (q.scopeIds.length === 0) return [];
    query = query.where('t.community_id', 'in', q.scopeIds);
  }
  if (q.targetUserId) query = query.where('t.target_user_id', '=', q.targetUserId);
  const before = q.before;
  if (before) {
    // A row value, so the index is entered at the cursor (an OR chain is not a range).
    query = query.where(sql<boolean>`(t.created_at, t.id) < (${before.createdAt}, ${before.id})`);
  }
  return (await query.execute()).map(reported);
}

/**
 * One report per resident; the third distinct report hides the post for review, decided
 * by one conditional update that counts the reports, so racing reports cannot miss it.
 */
export async function reportAndMaybeHide(
  db: Db,
  r: { postId: string; userId: string; reason: string; threshold: number; trusted: boolean; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // Writing the post's row first queues concurrent reports behind each other (PostgreSQL
    // holds the row lock until commit), so each one's count sees the reports before it. Only
    // a post still on the wall takes a report: one rejected or hidden meanwhile takes none.
    const onWall = await tx.updateTable('thanks_posts').set({ status: sql`status` }).where('id', '=', r.postId).where('status', '=', 'approved').executeTakeFirst();
    if (Number(onWall.numUpdatedRows) !== 1) return false;
    await tx
      .insertInto('thanks_reports')
      .values({ post_id: r.postId, user_id: r.userId, reason: r.reason, created_at: r.now.toISOString(), trusted: r.trusted ? 1 : 0 })
      .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
      .execute();
    await tx
      .updateTable('thanks_posts')
      .set({ status: 'hidden' })
      .where('id', '=', r.postId)
      .where('status', '=', 'approved')
      .where(sql<number>`(SELECT COUNT(*) FROM thanks_reports WHERE post_id = ${r.postId} AND trusted = 1)`, '>=', r.threshold)
      .execute();
    return true;
  });
}

export async function decideThanks(
  db: Db,
  d: { id: string; from: string; to: string; reason: string | null; by: string; now: Date; clearReports: boolean },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('thanks_posts')
      .set({ status: d.to, reject_reason: d.reason, reviewed_by: d.by, reviewed_at: d.now.toISOString() })
      .where('id', '=', d.id)
      .where('status', '=', d.from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    // Restored after review: the old reports were judged, they do not hide it again.
    if (d.clearReports) await tx.deleteFrom('thanks_reports').where('post_id', '=', d.id).execute();
    return true;
  });
}

/**
 * Whether an account has a history here before `before`: it existed by then and has done
 * something a person does — bound a phone, signed up for an event, booked, filed a
 * petition, or written a thank-you that went up. A fresh account has none of these.
 */
export async function hasHistory(db: Db, userId: string, before: Date): Promise<boolean> {
  const at = before.toISOString();
  const user = await db.selectFrom('users').select(['created_at', 'phone_enc']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.created_at > at) return false;
  if (user.phone_enc) return true;
  const [registration, booking, petition, thanks] = await Promise.all([
    db.selectFrom('event_registrations').select('id').where('user_id', '=', userId).limit(1).executeTakeFirst(),
    db.selectFrom('bookings').select('id').where('user_id', '=', userId).limit(1).executeTakeFirst(),
    db.selectFrom('petitions').select('id').where('submitter_id', '=', userId).limit(1).executeTakeFirst(),
    db.selectFrom('thanks_posts').select('id').where('author_id', '=', userId).where('status', '=', 'approved').limit(1).executeTakeFirst(),
  ]);
  return Boolean(registration || booking || petition || thanks);
}
