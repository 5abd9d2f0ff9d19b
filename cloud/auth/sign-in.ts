import { AppError } from '../../types';
import { hashPassword, needsRehash, verifyPassword } from '../core/password';
import type { Services } from '../core/services';
import {
  findByOpenid,
  findByUnionid,
  findByUsername,
  findOrCreateByOpenid,
  linkWechatIds,
  replacePasswordHash,
} from '../users/users.storage';
import { WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED } from '../wechat/client';
import { underLockout } from './lockout';
import { startSession } from './sessions';

export interface WechatSignInOptions {
  /** `preferUnionId` in the SDK: keep the unionid WeChat gives on the account. */
  keepUnionid?: boolean;
  /** `failOnNotExist` in the SDK: sign in only an existing account, never create one. */
  failOnNotExist?: boolean;
}

/**
 * WeChat login: the code from wx.login is exchanged on the host; session_key stays there.
 * The account is found by unionid first when WeChat gives one (the same person across
 * mini-programs of one open platform, or after an AppID change), then by openid.
 */
export async function signInWithWechat(
  services: Services,
  code: string,
  options: WechatSignInOptions = {},
): Promise<{ userId: string; token: string }> {
  let ids: { openid: string; unionid?: string };
  try {
    ids = await services.wechat.code2Session(code);
  } catch (error) {
    if (error instanceof WechatError && [WECHAT_CODE_INVALID, WECHAT_CODE_USED].includes(error.errcode)) {
      throw new AppError('WECHAT_CODE_INVALID');
    }
    throw new AppError('WECHAT_UNAVAILABLE');
  }
  const { db, clock } = services;
  const unionid = ids.unionid || null;
  const found = (unionid ? await findByUnionid(db, unionid) : undefined) ?? (await findByOpenid(db, ids.openid));
  let userId: string;
  if (found) {
    userId = found.id;
    await linkWechatIds(db, found.id, { openid: ids.openid, unionid: options.keepUnionid ? unionid : null }, clock.now());
  } else {
    // LeanCloud's answer to failOnNotExist, which the SDK's "try WeChat, else phone" flow relies on.
    if (options.failOnNotExist) throw new AppError('SESSION_INVALID', '找不到这位用户（Could not find user）');
    userId = (await findOrCreateByOpenid(db, ids.openid, clock.now(), '微信用户', { unionid: options.keepUnionid ? unionid : null })).id;
  }
  return { userId, token: await startSession(services, userId) };
}

/**
 * Console login, under the lockout (cloud/auth/lockout.ts): the try is counted before the
 * password is checked, five wrong ones from one address lock that address out of the
 * account, and a locked pair answers the same whether or not the password is right. An
 * unknown username costs the same scrypt time as a known one, and locks the same way.
 */
export async function signInWithPassword(
  services: Services,
  username: string,
  password: string,
  ip: string,
): Promise<{ userId: string; token: string }> {
  const user = await findByUsername(services.db, username);
  const ok = await underLockout(services, { username, ip, userId: user?.id ?? null }, async () => {
    const right = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    return right && !!user?.password_hash;
  });
  if (!user || !user.password_hash || !ok) throw new AppError('LOGIN_FAILED');
  // A LeanCloud hash carried over by the importer is verified once, then replaced by scrypt.
  if (needsRehash(user.password_hash)) {
    await replacePasswordHash(services.db, user.id, user.password_hash, await hashPassword(password), services.clock.now());
  }
  return { userId: user.id, token: await startSession(services, user.id) };
}

// A real scrypt hash of a random password, so that unknown usernames take as long as known ones.
const DUMMY_HASH = 'scrypt$32768$8$1$J7SSfQis2ZI8rQAKsG/3rw==$5FqGptxT3DFTu+JJjUjfkoxiY5ocl3VFyP962nWlYDc=';
