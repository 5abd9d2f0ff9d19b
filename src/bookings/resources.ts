import type { Resource } from '../../types/bookings-model';
import { AppError } from '../../types/errors';
import { loadRegions } from '../account/regions';
import { call } from '../cloud/client';

/**
 * One room or hall item by id. The contracts list resources by community only
 * (bookings.resources) and a booking does not say its community, so: the community the
 * link names first (the resident's own, almost always), then the district's other
 * communities in turn, which only happens for a booking made before the resident moved.
 */
export async function findResource(id: string, communityHint: string | null): Promise<Resource> {
  const tried = new Set<string>();
  const lookIn = async (communityId: string) => {
    tried.add(communityId);
    const list = await call('bookings.resources', { communityId });
    return list.find((r) => r.id === id);
  };
  if (communityHint) {
    const found = await lookIn(communityHint);
    if (found) return found;
  }
  for (const region of await loadRegions()) {
    if (region.level !== 'community' || tried.has(region.id)) continue;
    const found = await lookIn(region.id);
    if (found) return found;
  }
  throw new AppError('NOT_FOUND', '没有找到这个预约项目，可能已停止开放');
}
