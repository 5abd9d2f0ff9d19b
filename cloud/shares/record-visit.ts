import { getUser } from '../users/users.storage';
import type { Services } from '../core/services';
import { recordShareVisit } from './shares.storage';

/**
 * Records that someone opened a target from a share card. The sharer id comes from a
 * path anyone can edit, so an unknown sharer, or someone opening their own card, counts
 * for nothing.
 */
export async function recordVisitFromShare(
  services: Services,
  visit: { targetKind: 'article' | 'event' | 'honor'; targetId: string; sharerId: string; visitorId: string | null },
): Promise<void> {
  if (visit.sharerId === visit.visitorId) return;
  if (!(await getUser(services.db, visit.sharerId))) return;
  await recordShareVisit(services.db, { ...visit, now: services.clock.now() });
}
