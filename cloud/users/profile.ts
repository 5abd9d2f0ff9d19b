import { AppError, type RoleGrant } from '../../types';
import type { Profile } from '../../types/users';
import { getRegion } from '../communities/communities.storage';
import { maskPhone } from '../core/crypto';
import type { Services } from '../core/services';
import { grantsOf } from '../roles/roles.storage';
import { getUser } from './users.storage';

/**
 * A user as they see themselves; the phone only ever masked. `grants` when the caller's
 * were just read with their session (they are current: read in this request).
 */
export async function loadProfile(services: Services, userId: string, grants?: RoleGrant[]): Promise<Profile> {
  const user = await getUser(services.db, userId);
  if (!user) throw new AppError('SESSION_INVALID');
  const [roles, community] = await Promise.all([
    grants ?? grantsOf(services.db, userId),
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
    roles,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
  };
}
