import type { Db } from '../storage/dialect';

/**
 * The raw rows the dashboard and the reports count from, limited to a time range and to
 * communities ('all' for the district). Counting happens in dashboard/stats.ts, so both
 * databases give the same numbers without dialect-specific date functions.
 */
export interface Range {
  from: Date;
  to: Date;
  communityIds: string[] | 'all';
}

export async function eventsInRange(db: Db, r: Range) {
  let q = db
    .selectFrom('events as e')
    .innerJoin('regions as g', 'g.id', 'e.scope_id')
    .select(['e.id', 'e.title', 'e.category', 'e.scope_id', 'g.name as scope_name', 'e.starts_at', 'e.ends_at', 'e.state', 'e.capacity', 'e.confirmed_count', 'e.attendance', 'e.residents_served', 'e.organizer'])
    .where('e.starts_at', '>=', r.from.toISOString())
    .where('e.starts_at', '<', r.to.toISOString())
    .where('e.state', '!=', 'draft')
    .orderBy('e.starts_at');
  if (r.communityIds !== 'all') q = q.where('e.scope_id', 'in', r.communityIds.length ? r.communityIds : ['-']);
  return q.execute();
}

export async function bookingsInRange(db: Db, r: Range) {
  let q = db
    .selectFrom('bookings as k')
    .innerJoin('resources as s', 's.id', 'k.resource_id')
    .innerJoin('service_centers as c', 'c.id', 's.center_id')
    .innerJoin('users as u', 'u.id', 'k.user_id')
    .select(['k.id', 'k.slot_start', 'k.slot_end', 'k.status', 'k.step', 'k.purpose', 'k.party_size', 's.name as resource_name', 's.kind', 'c.community_id', 'u.nickname'])
    .where('k.slot_start', '>=', r.from.toISOString())
    .where('k.slot_start', '<', r.to.toISOString())
    .orderBy('k.slot_start');
  if (r.communityIds !== 'all') q = q.where('c.community_id', 'in', r.communityIds.length ? r.communityIds : ['-']);
  return q.execute();
}

export async function petitionsInRange(db: Db, r: Range) {
  let q = db
    .selectFrom('petitions as p')
    .leftJoin('users as a', 'a.id', 'p.agent_id')
    .select([
      'p.id',
      'p.kind',
      'p.category',
      'p.title',
      'p.community_id',
      'p.status',
      'p.created_at',
      'p.accept_due_at',
      'p.accepted_at',
      'p.resolve_due_at',
      'p.resolved_at',
      'p.closed_at',
      'p.rating',
      'p.anonymous',
      'a.nickname as agent_name',
    ])
    .where('p.created_at', '>=', r.from.toISOString())
    .where('p.created_at', '<', r.to.toISOString())
    .orderBy('p.created_at');
  if (r.communityIds !== 'all') q = q.where('p.community_id', 'in', r.communityIds.length ? r.communityIds : ['-']);
  return q.execute();
}

/** Petitions still open now, wherever they started: the overdue count is about today. */
export async function openPetitions(db: Db, communityIds: string[] | 'all') {
  let q = db
    .selectFrom('petitions')
    .select(['id', 'community_id', 'status', 'accept_due_at', 'resolve_due_at'])
    .where('status', 'in', ['submitted', 'accepted', 'in_progress']);
  if (communityIds !== 'all') q = q.where('community_id', 'in', communityIds.length ? communityIds : ['-']);
  return q.execute();
}

export async function pledgesInRange(db: Db, r: Range) {
  let q = db
    .selectFrom('article_pledges as p')
    .innerJoin('articles as a', 'a.id', 'p.article_id')
    .select(['a.scope_id', 'p.created_at'])
    .where('p.created_at', '>=', r.from.toISOString())
    .where('p.created_at', '<', r.to.toISOString());
  if (r.communityIds !== 'all') q = q.where('a.scope_id', 'in', r.communityIds.length ? r.communityIds : ['-']);
  return q.execute();
}

export async function communitiesOf(db: Db, ids: string[] | 'all') {
  let q = db.selectFrom('regions').select(['id', 'name']).where('level', '=', 'community').orderBy('sort');
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['-']);
  return q.execute();
}

export async function countWhere(db: Db, table: 'bookings' | 'nominations' | 'thanks_posts', status: string, communityIds: string[] | 'all'): Promise<number> {
  if (table === 'bookings') {
    let q = db
      .selectFrom('bookings as k')
      .innerJoin('resources as s', 's.id', 'k.resource_id')
      .innerJoin('service_centers as c', 'c.id', 's.center_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('k.status', '=', status);
    if (communityIds !== 'all') q = q.where('c.community_id', 'in', communityIds.length ? communityIds : ['-']);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status);
  if (communityIds !== 'all') q = q.where('community_id', 'in', communityIds.length ? communityIds : ['-']);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function auditPage(db: Db, q: { action?: string; outcome?: string; from?: Date; to?: Date; before?: { at: string; id: string }; limit: number }) {
  let query = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .selectAll('l')
    .select('u.nickname as actor_name')
    .orderBy('l.at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(q.limit);
  if (q.action) query = query.where('l.action', '=', q.action);
  if (q.outcome) query = query.where('l.outcome', '=', q.outcome);
  if (q.from) query = query.where('l.at', '>=', q.from.toISOString());
  if (q.to) query = query.where('l.at', '<', q.to.toISOString());
  const before = q.before;
  if (before) query = query.where((eb) => eb.or([eb('l.at', '<', before.at), eb.and([eb('l.at', '=', before.at), eb('l.id', '<', before.id)])]));
  return query.execute();
}
