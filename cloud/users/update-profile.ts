import { AppError } from '../../types';
import { updateProfile } from '../../types/users';
import { getRegion } from '../communities/communities.storage';
import { defineFunction } from '../core/define-function';
import { loadProfile } from './profile';
import { updateUser } from './users.storage';

export default defineFunction(updateProfile, async (input, { services, caller }) => {
  if (input.homeCommunityId) {
    const region = await getRegion(services.db, input.homeCommunityId);
    if (region?.level !== 'community') throw new AppError('COMMUNITY_NOT_FOUND');
  }
  await updateUser(
    services.db,
    caller.id,
    {
      ...(input.nickname !== undefined && { nickname: input.nickname }),
      ...(input.avatarUrl !== undefined && { avatar_url: input.avatarUrl }),
      ...(input.homeCommunityId !== undefined && { home_community_id: input.homeCommunityId }),
    },
    services.clock.now(),
  );
  return loadProfile(services, caller.id);
});
