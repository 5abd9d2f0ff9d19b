import crypto from 'node:crypto';
import { MINUTE } from '../../core/clock';
import { fakeSessionKey } from '../fake-group-chat';
import type { FakeModule } from './state';
import { bodyOf, queryOf } from './state';

export const CODE_LIFETIME_MS = 5 * MINUTE;
/** code2Session allows each user about 100 calls a minute, then answers 45011. */
export const LOGINS_PER_MINUTE = 100;

const PERSONA = /^[A-Za-z0-9_.-]{1,40}$/;
/** Real openids are 28 characters of base64url; imported ones keep whatever LeanCloud held. */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

export function openidOf(persona: string): string {
  return `fake-${persona}`;
}

/**
 * jscode2session as WeChat answers it:
 * - a code issued by `POST /__fake/wx-login` (what wx.login returns) works once within 5
 *   minutes: reused 40163, expired or unknown 40029;
 * - `dev:<persona>#<nonce>` is a one-time code a developer build makes up (the H5 preview
 *   and the weapp persona picker): reused 40163;
 * - `dev:<persona>` is the demo persona's code for hand-made requests (curl, the API
 *   catalog); it maps to the same openid every time, but still counts toward the rate limit;
 * - `dev:openid:<openid>` (also with `#<nonce>`) maps to that exact openid: how a resident
 *   imported from LeanCloud (cloud/leancloud-import) signs in during development and tests;
 * - WeChat gives a unionid only for a mini-program bound to an open platform account;
 *   `/__fake/unionid` says which openid comes with which unionid;
 * - more than 100 logins a minute for one user: 45011;
 * - a wrong appid or secret: 40013 / 40125.
 */
export const registerLogin: FakeModule = (app, context) => {
  const issued = new Map<string, { openid: string; expiresAt: number }>();
  const used = new Set<string>();
  const recent = new Map<string, number[]>();
  const unionids = new Map<string, string>();

  const rateLimited = (openid: string): boolean => {
    // Wall time, not the fake clock: a test's fixed clock must not make every login "the same minute".
    const now = Date.now();
    const times = (recent.get(openid) ?? []).filter((t) => t > now - MINUTE);
    times.push(now);
    recent.set(openid, times);
    return times.length > LOGINS_PER_MINUTE;
  };

  const exchange = (appid: string | undefined, secret: string | undefined, code: string) => {
    if (context.appId && appid !== context.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (context.secret && secret !== context.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (used.has(code)) return { errcode: 40163, errmsg: 'code been used' };
    let openid: string;
    const real = issued.get(code);
    if (real) {
      if (real.expiresAt <= context.clock.now().getTime()) return { errcode: 40029, errmsg: 'invalid code' };
      openid = real.openid;
      used.add(code);
    } else {
      const match = /^dev:([^#]+)(#.{1,64})?$/.exec(code);
      const exact = match ? /^openid:(.+)$/.exec(match[1]!) : null;
      const valid = exact ? OPENID.test(exact[1]!) : !!match && PERSONA.test(match[1]!);
      if (!match || !valid) return { errcode: 40029, errmsg: 'invalid code' };
      openid = exact ? exact[1]! : openidOf(match[1]!);
      if (match[2]) used.add(code);
    }
    if (rateLimited(openid)) return { errcode: 45011, errmsg: 'api minute-quota reach limit  mustslower  retry next minute' };
    const unionid = unionids.get(openid);
    return { openid, ...(unionid && { unionid }), session_key: fakeSessionKey(openid) };
  };

  app.get('/sns/jscode2session', async (req) => {
    const q = queryOf(req);
    const code = q.js_code ?? '';
    const reply = q.grant_type !== 'authorization_code' ? { errcode: 40002, errmsg: 'invalid grant_type' } : exchange(q.appid, q.secret, code);
    context.record('jscode2session', { code, ...('openid' in reply && { openid: reply.openid }) }, 'errcode' in reply ? reply : {});
    return reply;
  });

  app.post('/__fake/unionid', async (req) => {
    const { openid, unionid } = bodyOf<{ openid: string; unionid: string }>(req);
    unionids.set(String(openid), String(unionid));
    return { ok: true };
  });

  /** What wx.login gives a user in the real app: a fresh one-time code. */
  app.post('/__fake/wx-login', async (req) => {
    const persona = String(bodyOf<{ persona: string }>(req).persona ?? '');
    if (!PERSONA.test(persona)) return { errcode: 40029, errmsg: 'invalid persona' };
    const code = `wx-${crypto.randomBytes(12).toString('hex')}`;
    issued.set(code, { openid: openidOf(persona), expiresAt: context.clock.now().getTime() + CODE_LIFETIME_MS });
    return { code };
  });
};
