import { AppError } from '../../types';
import { MINUTE } from '../core/clock';
import { verifyPassword } from '../core/password';
import type { Services } from '../core/services';
import { clearLoginFailures, findByUsername, findOrCreateByOpenid, recordLoginFailure } from '../users/users.storage';
import { WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED } from '../wechat/client';
import { startSession } from './sessions';

export const LOCK_DURATION_MS = 15 * MINUTE;

/** WeChat login: the code from wx.login is exchanged on the host; session_key stays there. */
export async function signInWithWechat(services: Services, code: string): Promise<{ userId: string; token: string }> {
  let openid: string;
  try {
    ({ openid } = await services.wechat.code2Session(code));
  } catch (error) {
    if (error instanceof WechatError && [WECHAT_CODE_INVALID, WECHAT_CODE_USED].includes(error.errcode)) {
      throw new AppError('WECHAT_CODE_INVALID');
    }
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const user = await findOrCreateByOpenid(services.db, openid, services.clock.now(), '微信用户');
  return { userId: user.id, token: await startSession(services, user.id) };
}

/**
 * Console login. Five wrong passwords in a row lock the account for fifteen minutes; a
 * locked account answers the same whether or not the password is right, so guessing goes
 * nowhere. An unknown username costs the same scrypt time as a known one.
 */
export async function signInWithPassword(
  services: Services,
  username: string,
  password: string,
): Promise<{ userId: string; token: string }> {
  const now = services.clock.now();
  const user = await findByUsername(services.db, username);
  if (user?.locked_until && user.locked_until > now.toISOString()) throw new AppError('ACCOUNT_LOCKED');
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !user.password_hash || !ok) {
    if (user) await recordLoginFailure(services.db, user.id, new Date(now.getTime() + LOCK_DURATION_MS));
    throw new AppError('LOGIN_FAILED');
  }
  await clearLoginFailures(services.db, user.id);
  return { userId: user.id, token: await startSession(services, user.id) };
}

// A real scrypt hash of a random password, so that unknown usernames take as long as known ones.
const DUMMY_HASH = 'scrypt$32768$8$1$J7SSfQis2ZI8rQAKsG/3rw==$5FqGptxT3DFTu+JJjUjfkoxiY5ocl3VFyP962nWlYDc=';
