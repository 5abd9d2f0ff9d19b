import { newId } from '../core/crypto';
import type { Db } from '../storage/dialect';

/** A visit that came through someone's share card. */
export async function recordShareVisit(
  db: Db,
  visit: { targetKind: string; targetId: string; sharerId: string; visitorId: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('share_visits')
    .values({
      id: newId(),
      target_kind: visit.targetKind,
      target_id: visit.targetId,
      sharer_id: visit.sharerId,
      visitor_id: visit.visitorId,
      visited_at: visit.now.toISOString(),
    })
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
