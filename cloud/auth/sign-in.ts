import { AppError } from '../../types';
import { MINUTE } from '../core/clock';
import { hashPassword, needsRehash, verifyPassword } from '../core/password';
import type { Services } from '../core/services';
import {
  clearLoginFailures,
  findByOpenid,
  findByUnionid,
  findByUsername,
  findOrCreateByOpenid,
  linkWechatIds,
  recordLoginFailure,
  replacePasswordHash,
} from '../users/users.storage';
import { WechatError, WECHAT_CODE_INVALID, WECHAT_CODE_USED } from '../wechat/client';
import { startSession } from './sessions';

export const LOCK_DURATION_MS = 15 * MINUTE;

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
  // A LeanCloud hash carried over by the importer is verified once, then replaced by scrypt.
  if (needsRehash(user.password_hash)) {
    await replacePasswordHash(services.db, user.id, user.password_hash, await hashPassword(password), now);
  }
  return { userId: user.id, token: await startSession(services, user.id) };
}

// A real scrypt hash of a random password, so that unknown usernames take as long as known ones.
const DUMMY_HASH = 'scrypt$32768$8$1$J7SSfQis2ZI8rQAKsG/3rw==$5FqGptxT3DFTu+JJjUjfkoxiY5ocl3VFyP962nWlYDc=';
