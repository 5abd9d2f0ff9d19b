import { AppError } from '../../types';
import type { SessionUser } from '../core/define-function';
import type { Services } from '../core/services';
import { getUser } from '../users/users.storage';
import { myGrids } from './my-grids';

/**
 * Where a 随手拍 goes: the community named, else the worker's grid's community, else the
 * resident's home community; and the worker's grid in it, if they serve one there.
 */
export async function reportPlace(services: Services, caller: SessionUser, communityId: string | undefined): Promise<{ communityId: string; gridId: string | null }> {
  const grids = await myGrids(services, caller);
  const community = communityId ?? grids[0]?.communityId ?? (await getUser(services.db, caller.id))?.home_community_id ?? null;
  if (!community) throw new AppError('COMMUNITY_NOT_FOUND', '请先在“我的”里选择所在社区');
  return { communityId: community, gridId: grids.find((g) => g.communityId === community)?.id ?? null };
}
