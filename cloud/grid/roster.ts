import { AppError } from '../../types';
import type { GridRoster as Roster } from '../../types/grid-model';
import { getRegion } from '../communities/communities.storage';
import type { SessionUser } from '../core/define-function';
import { mayKeepGrids } from './grid.permissions';
import type { Services } from '../core/services';
import { listGrants } from '../roles/roles.storage';
import { countHouseholds, gridsOfCommunity, workersOfGrids } from './grid.storage';

/** The community, if the caller administers it. */
export async function administeredCommunity(services: Services, caller: SessionUser, communityId: string) {
  const community = await getRegion(services.db, communityId);
  if (community?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  if (!mayKeepGrids(caller.grants, community)) throw new AppError('OUT_OF_SCOPE');
  return community;
}

export async function rosterOf(services: Services, communityId: string): Promise<Roster> {
  const grids = await gridsOfCommunity(services.db, communityId);
  const ids = grids.map((g) => g.id);
  const [workers, households, grants] = await Promise.all([
    workersOfGrids(services.db, ids),
    countHouseholds(services.db, ids),
    listGrants(services.db, [communityId]),
  ]);
  const candidates = grants.filter((g) => g.role === 'gridWorker').map((g) => ({ id: g.userId, name: g.nickname }));
  const current = new Set(candidates.map((c) => c.id));
  return {
    communityId,
    grids: grids.map((g) => ({
      id: g.id,
      name: g.name,
      households: households.get(g.id) ?? 0,
      // Someone whose 网格员 role was taken away is no longer shown as serving the grid.
      workers: workers.filter((w) => w.grid_id === g.id && current.has(w.user_id)).map((w) => ({ id: w.user_id, name: w.nickname })),
    })),
    candidates,
  };
}
