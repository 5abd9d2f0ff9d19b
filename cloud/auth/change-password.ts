import { AppError } from '../../types';
import { changePassword } from '../../types/auth';
import { defineFunction } from '../core/define-function';
import { hashPassword, verifyPassword } from '../core/password';
import { getUser, setPasswordHash } from '../users/users.storage';
import { underLockout } from './lockout';
import { revokeUserSessions } from './sessions.storage';

export default defineFunction(changePassword, async (input, { services, caller, ip }) => {
  const user = await getUser(services.db, caller.id);
  if (!user?.password_hash) throw new AppError('ROLE_REQUIRED', '微信登录的账号没有密码，无需修改');
  const hash = user.password_hash;
  // The same lockout as the login: a stolen session must not become a password oracle.
  const right = await underLockout(services, { username: user.username ?? user.id, ip, userId: user.id }, () => verifyPassword(input.currentPassword, hash));
  if (!right) {
    throw new AppError('LOGIN_FAILED', '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  }
  const now = services.clock.now();
  await setPasswordHash(services.db, caller.id, await hashPassword(input.newPassword), now);
  // Whoever else knew the old password is signed out everywhere but here.
  await revokeUserSessions(services.db, caller.id, now, caller.sessionHash);
  return { changed: true as const };
});
