import { AppError } from '../../types';
import type { Profile } from '../../types/users';
import { getRegion } from '../communities/communities.storage';
import { maskPhone } from '../core/crypto';
import type { Services } from '../core/services';
import { grantsOf } from '../roles/roles.storage';
import { getUser } from './users.storage';

/** A user as they see themselves; the phone only ever masked. */
export async function loadProfile(services: Services, userId: string): Promise<Profile> {
  const user = await getUser(services.db, userId);
  if (!user) throw new AppError('SESSION_INVALID');
  const [grants, community] = await Promise.all([
    grantsOf(services.db, userId),
    user.home_community_id ? getRegion(services.db, user.home_community_id) : undefined,
  ]);
  return {
    objectId: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatar_url,
    homeCommunityId: user.home_community_id,
    homeCommunityName: community?.name ?? null,
    phoneMasked: user.phone_enc ? maskPhone(services.cipher.decrypt(user.phone_enc)) : null,
    isResident: user.openid !== null,
    username: user.username,
    roles: grants,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
  };
}
