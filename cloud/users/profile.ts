import { AppError, type RoleGrant } from '../../types';
import type { Profile } from '../../types/users';
import { maskPhone } from '../core/crypto';
import type { Services } from '../core/services';
import { grantsOf } from '../roles/roles.storage';
import { authDataFrom, type AuthData } from './auth-data';
import { getAccount } from './users.storage';

/**
 * A user as they see themselves; the phone only ever masked. `grants` when the caller's
 * were just read with their session (they are current: checked in this request).
 */
export async function loadProfile(services: Services, userId: string, grants?: RoleGrant[]): Promise<Profile> {
  return (await loadAccount(services, userId, grants)).profile;
}

/**
 * The profile and the WeChat `authData` of a login reply (and users.me): the user row with
 * the community's name in one statement; the grants are read only when not given.
 */
export async function loadAccount(services: Services, userId: string, grants?: RoleGrant[]): Promise<{ profile: Profile; authData: AuthData | undefined }> {
  const [user, roles] = await Promise.all([getAccount(services.db, userId), grants ?? grantsOf(services.db, userId)]);
  if (!user) throw new AppError('SESSION_INVALID');
  const profile: Profile = {
    objectId: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatar_url,
    homeCommunityId: user.home_community_id,
    homeCommunityName: user.home_community_name ?? null,
    phoneMasked: user.phone_enc ? maskPhone(services.cipher.decrypt(user.phone_enc)) : null,
    isResident: user.openid !== null,
    username: user.username,
    roles,
    createdAt: new Date(user.created_at),
    updatedAt: new Date(user.updated_at),
  };
  return { profile, authData: authDataFrom(user) };
}
