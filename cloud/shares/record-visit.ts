import { sha256 } from '../core/crypto';
import type { Services } from '../core/services';
import { getUser } from '../users/users.storage';
import { countsForSharer } from './shares.permissions';
import { recordShareVisit } from './shares.storage';

/**
 * How many anonymous devices behind one address can count for one card. A family's wifi
 * or a small office is a few phones; a script on one address is not a crowd.
 */
export const ANONYMOUS_DEVICES_PER_ADDRESS = 8;

/**
 * Records that someone opened a target from a share card. The sharer id comes from a
 * path anyone can edit, so an unknown sharer, or someone opening their own card, counts
 * for nothing. Each visitor counts once per card: a signed-in one by their account; an
 * anonymous one by their device id, within ANONYMOUS_DEVICES_PER_ADDRESS slots of their
 * address (the device id is the client's word, so a new id each call lands in the same
 * few slots and cannot push the count). One unique index decides (migration 009).
 */
export async function recordVisitFromShare(
  services: Services,
  visit: { targetKind: 'article' | 'event' | 'honor'; targetId: string; sharerId: string; visitorId: string | null; ip: string; device?: string },
): Promise<void> {
  if (!countsForSharer({ id: visit.sharerId, exists: !!(await getUser(services.db, visit.sharerId)) }, visit.visitorId)) return;
  await recordShareVisit(services.db, {
    targetKind: visit.targetKind,
    targetId: visit.targetId,
    sharerId: visit.sharerId,
    visitorId: visit.visitorId,
    visitorKey: visitorKey(visit),
    now: services.clock.now(),
  });
}

/**
 * Which of its address's slots an anonymous device counts in (0 without an id). Two phones
 * behind one address share a slot one time in ANONYMOUS_DEVICES_PER_ADDRESS and then count
 * once: the price of a bound that a script inventing ids cannot get past.
 */
export function deviceSlot(device: string | undefined): number {
  return device ? parseInt(sha256(`device:${device}`).slice(0, 8), 16) % ANONYMOUS_DEVICES_PER_ADDRESS : 0;
}

function visitorKey(v: { visitorId: string | null; ip: string; device?: string }): string {
  if (v.visitorId) return `user:${v.visitorId}`;
  return `anon:${sha256(`client:${v.ip}`).slice(0, 24)}:${deviceSlot(v.device)}`;
}
