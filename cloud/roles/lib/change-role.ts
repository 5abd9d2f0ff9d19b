import { AppError, type StaffRole } from '../../../types';
import { getRegion } from '../../communities/communities.storage';
import type { SessionUser } from '../../core/define-function';
import type { Services } from '../../core/services';
import { getUser } from '../../users/users.storage';
import { mayManageRole } from '../roles.permissions';

/** Checks that the caller may grant or revoke this role here, and that the user exists. */
export async function assertMayManage(
  services: Services,
  caller: SessionUser,
  target: { userId: string; role: StaffRole; scopeId: string },
): Promise<{ scopeName: string; nickname: string }> {
  const [region, user] = await Promise.all([getRegion(services.db, target.scopeId), getUser(services.db, target.userId)]);
  const verdict = mayManageRole(caller.grants, { ...target, scopeLevel: region?.level });
  if (verdict === 'out-of-scope') throw new AppError('OUT_OF_SCOPE');
  if (verdict === 'role-not-grantable') throw new AppError('ROLE_NOT_GRANTABLE');
  if (!user) throw new AppError('USER_NOT_FOUND');
  return { scopeName: region!.name, nickname: user.nickname };
}
