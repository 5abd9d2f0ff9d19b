import { AppError } from '../../types';
import { communityTotals } from '../../types/grid';
import { getRegion } from '../communities/communities.storage';
import { mayKeepGrids } from './grid.permissions';
import { defineFunction } from '../core/define-function';
import { totalsFor } from './grid.storage';

/** Sums for a community, never split by person and never ranked (国办函〔2026〕12号). */
export default defineFunction(communityTotals, async (input, { services, caller }) => {
  const community = await getRegion(services.db, input.communityId);
  if (community?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  if (!mayKeepGrids(caller.grants, community)) throw new AppError('OUT_OF_SCOPE');
  return { communityId: community.id, communityName: community.name, ...(await totalsFor(services.db, community.id)) };
});
