import { newId } from '../core/crypto';
import type { Db } from '../storage/dialect';

/** A visit that came through someone's share card. */
export async function recordShareVisit(
  db: Db,
  visit: { targetKind: string; targetId: string; sharerId: string; visitorId: string | null; visitorKey: string; now: Date },
): Promise<void> {
  await db
    .insertInto('share_visits')
    .values({
      id: newId(),
      target_kind: visit.targetKind,
      target_id: visit.targetId,
      sharer_id: visit.sharerId,
      visitor_id: visit.visitorId,
      visitor_key: visit.visitorKey,
      visited_at: visit.now.toISOString(),
    })
    // Once per visitor key (cloud/shares/record-visit.ts); the older per-visitor index too.
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function countShareVisits(db: Db, sharerId: string, targetKind: string, targetId: string): Promise<number> {
  const row = await db
    .selectFrom('share_visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sharer_id', '=', sharerId)
    .where('target_kind', '=', targetKind)
    .where('target_id', '=', targetId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function visitsBySharer(db: Db, sharerId: string): Promise<Array<{ kind: string; targetId: string; title: string; visits: number }>> {
  const articles = await db
    .selectFrom('share_visits as v')
    .innerJoin('articles as t', 't.id', 'v.target_id')
    .select(['v.target_id', 't.title'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.sharer_id', '=', sharerId)
    .where('v.target_kind', '=', 'article')
    .groupBy(['v.target_id', 't.title'])
    .execute();
  const events = await db
    .selectFrom('share_visits as v')
    .innerJoin('events as t', 't.id', 'v.target_id')
    .select(['v.target_id', 't.title'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.sharer_id', '=', sharerId)
    .where('v.target_kind', '=', 'event')
    .groupBy(['v.target_id', 't.title'])
    .execute();
  const honors = await db
    .selectFrom('share_visits as v')
    .innerJoin('honor_entries as t', 't.id', 'v.target_id')
    .select(['v.target_id', 't.name', 't.category'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.sharer_id', '=', sharerId)
    .where('v.target_kind', '=', 'honor')
    .groupBy(['v.target_id', 't.name', 't.category'])
    .execute();
  return [
    ...honors.map((r) => ({ kind: 'honor', targetId: r.target_id, title: `光荣榜·${r.category} ${r.name}`, visits: Number(r.n) })),
    ...articles.map((r) => ({ kind: 'article', targetId: r.target_id, title: r.title, visits: Number(r.n) })),
    ...events.map((r) => ({ kind: 'event', targetId: r.target_id, title: r.title, visits: Number(r.n) })),
  ];
}
