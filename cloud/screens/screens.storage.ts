import type { Db } from '../storage/dialect';
import type { ScreensTable } from '../storage/schema';

export type ScreenRow = ScreensTable & { community_name: string };

function screensWithCommunity(db: Db) {
  return db.selectFrom('screens as s').innerJoin('regions as r', 'r.id', 's.community_id').selectAll('s').select('r.name as community_name');
}

export async function screenByKey(db: Db, key: string): Promise<ScreenRow | undefined> {
  return screensWithCommunity(db).where('s.screen_key', '=', key).executeTakeFirst();
}

export async function getScreenRow(db: Db, id: string): Promise<ScreenRow | undefined> {
  return screensWithCommunity(db).where('s.id', '=', id).executeTakeFirst();
}

export async function screensIn(db: Db, communityIds: string[] | 'all'): Promise<ScreenRow[]> {
  let q = screensWithCommunity(db).orderBy('r.sort').orderBy('s.created_at');
  if (communityIds !== 'all') q = q.where('s.community_id', 'in', communityIds.length ? communityIds : ['-']);
  return q.execute();
}

/** False when the screen was removed since it was read: a removed screen is not brought back. */
export async function saveScreenRow(db: Db, row: ScreensTable, isNew: boolean): Promise<boolean> {
  if (isNew) {
    await db.insertInto('screens').values(row).execute();
    return true;
  }
  const { id, screen_key: _k, created_at: _c, ...changes } = row;
  return Number((await db.updateTable('screens').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows) === 1;
}

/** False when the screen was removed since it was read. */
export async function setScreenKey(db: Db, id: string, key: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('screens').set({ screen_key: key, updated_at: now.toISOString() }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteScreen(db: Db, id: string): Promise<boolean> {
  return Number((await db.deleteFrom('screens').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;
}

// What a screen shows. Every query reads published, public facts only.

/** Pinned items and campaigns with a pledge, for the community and the whole district. */
export async function screenNotices(db: Db, scopeIds: string[], now: Date, limit: number) {
  const rows = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.title', 'a.category', 'a.summary', 'a.pledge_prompt', 'a.pinned', 'a.publish_at'])
    .select((eb) => eb.selectFrom('article_pledges as p').whereRef('p.article_id', '=', 'a.id').select(eb.fn.countAll<number>().as('n')).as('pledge_count'))
    .where('a.status', '=', 'published')
    .where('a.publish_at', '<=', now.toISOString())
    .where('a.scope_id', 'in', scopeIds)
    .where((eb) => eb.or([eb('a.pinned', '=', 1), eb('a.pledge_prompt', 'is not', null)]))
    .orderBy('a.pinned', 'desc')
    .orderBy('a.publish_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, pledge_count: Number(r.pledge_count ?? 0) }));
}

/** Published events (not cancelled) overlapping [from, to), soonest first. */
export async function screenEvents(db: Db, scopeIds: string[], from: Date, to: Date, limit: number) {
  return db
    .selectFrom('events')
    .selectAll()
    .where('state', 'in', ['published', 'closed'])
    .where('scope_id', 'in', scopeIds)
    .where('starts_at', '<', to.toISOString())
    .where('ends_at', '>', from.toISOString())
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The community's rooms, and their booked times in [from, to): times only, nothing about who. */
export async function screenRoomUse(db: Db, communityId: string, from: Date, to: Date) {
  const rooms = await db
    .selectFrom('resources as r')
    .innerJoin('service_centers as c', 'c.id', 'r.center_id')
    .select(['r.id', 'r.name'])
    .where('c.community_id', '=', communityId)
    .where('r.kind', '=', 'room')
    .where('r.active', '=', 1)
    .orderBy('r.sort')
    .orderBy('r.name')
    .execute();
  const uses = rooms.length
    ? await db
        .selectFrom('bookings')
        .select(['resource_id', 'slot_start', 'slot_end'])
        .where(
          'resource_id',
          'in',
          rooms.map((r) => r.id),
        )
        .where('status', 'in', ['approved', 'checked_in'])
        .where('slot_start', '<', to.toISOString())
        .where('slot_end', '>', from.toISOString())
        .orderBy('slot_start')
        .execute()
    : [];
  return rooms.map((r) => ({ name: r.name, uses: uses.filter((u) => u.resource_id === r.id) }));
}

/** The community's service centre and its service-hall matters (一站式). */
export async function screenHall(db: Db, communityId: string) {
  const center = await db.selectFrom('service_centers').selectAll().where('community_id', '=', communityId).orderBy('id').executeTakeFirst();
  if (!center) return null;
  const items = await db
    .selectFrom('resources')
    .select(['name', 'hours'])
    .where('center_id', '=', center.id)
    .where('kind', '=', 'hall')
    .where('active', '=', 1)
    .orderBy('sort')
    .execute();
  return { center, items };
}

/** The newest published honor list of the community, else of the district. */
export async function screenHonors(db: Db, scopeIds: string[], limit: number) {
  const list = await db
    .selectFrom('honor_lists')
    .selectAll()
    .where('published', '=', 1)
    .where('scope_id', 'in', scopeIds)
    .orderBy('year', 'desc')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!list) return null;
  const entries = await db.selectFrom('honor_entries').select(['name', 'category']).where('list_id', '=', list.id).orderBy('sort').limit(limit).execute();
  return { list, entries };
}
