import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { fakeSessionKey, registerFakeGroupChat } from './fake-group-chat';
import { WECHAT_CODE_INVALID, WECHAT_CODE_USED, WECHAT_SUBSCRIPTION_REFUSED, WECHAT_TOKEN_INVALID } from './client';

/**
 * A local stand-in for WeChat's server API, answering the same HTTP calls on loopback, for
 * development and tests.
 *
 * - `dev:<persona>` is a login code that always works and always maps to the same openid
 *   (`fake-<persona>`): the demo personas, and any number of test residents.
 * - `dev:<persona>#<nonce>` works once, like a real wx.login code; reused, it gets 40163.
 * - `dev:openid:<openid>` (also with `#<nonce>`) maps to that exact openid: how a resident
 *   imported from LeanCloud (cloud/leancloud-import) signs in during development and tests.
 * - WeChat gives a unionid only for users of a mini-program bound to an open platform
 *   account; `/__fake/unionid` says which openid comes with which unionid.
 * - Any other code gets 40029.
 * - `phone:<11 digits>` is a getPhoneNumber code for that number.
 * - Subscribe messages are recorded; `/__fake/*` lets a test read them and make a user
 *   refuse (43101) or make WeChat fail a few times first.
 */
export interface FakeWechat {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export interface RecordedMessage {
  msgid: string;
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: string;
}

export function openidOf(persona: string): string {
  return `fake-${persona}`;
}

const PERSONA = /^[A-Za-z0-9_.-]{1,40}$/;
/** Real openids are 28 characters of base64url; imported ones keep whatever LeanCloud held. */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

export function buildFakeWechat(): FastifyInstance {
  const app = Fastify({ logger: false });
  const usedCodes = new Set<string>();
  const tokens = new Set<string>();
  const messages: RecordedMessage[] = [];
  const refusing = new Set<string>();
  const failuresLeft = new Map<string, number>();
  const unionids = new Map<string, string>();

  const validToken = (t: unknown) => typeof t === 'string' && tokens.has(t);
  const tokenError = { errcode: WECHAT_TOKEN_INVALID, errmsg: 'invalid credential, access_token is invalid or not latest' };

  app.get('/sns/jscode2session', async (req) => {
    const code = String((req.query as Record<string, unknown>).js_code ?? '');
    const match = /^dev:([^#]+)(#.+)?$/.exec(code);
    const exact = match ? /^openid:(.+)$/.exec(match[1]!) : null;
    const valid = exact ? OPENID.test(exact[1]!) : !!match && PERSONA.test(match[1]!);
    if (!match || !valid) return { errcode: WECHAT_CODE_INVALID, errmsg: 'invalid code' };
    if (match[2]) {
      if (usedCodes.has(code)) return { errcode: WECHAT_CODE_USED, errmsg: 'code been used' };
      usedCodes.add(code);
    }
    const openid = exact ? exact[1]! : openidOf(match[1]!);
    const unionid = unionids.get(openid);
    return { openid, ...(unionid && { unionid }), session_key: fakeSessionKey(openid) };
  });

  app.post('/cgi-bin/stable_token', async () => {
    const token = crypto.randomBytes(24).toString('hex');
    tokens.add(token);
    return { access_token: token, expires_in: 7200 };
  });

  app.post('/cgi-bin/message/subscribe/send', async (req) => {
    if (!validToken((req.query as Record<string, unknown>).access_token)) return tokenError;
    const body = req.body as Omit<RecordedMessage, 'msgid' | 'at'>;
    const pending = failuresLeft.get(body.touser) ?? 0;
    if (pending > 0) {
      failuresLeft.set(body.touser, pending - 1);
      return { errcode: -1, errmsg: 'system error' };
    }
    if (refusing.has(body.touser)) return { errcode: WECHAT_SUBSCRIPTION_REFUSED, errmsg: 'user refuse to accept the msg' };
    const msgid = String(1_000_000 + messages.length);
    messages.push({ ...body, msgid, at: new Date().toISOString() });
    return { errcode: 0, errmsg: 'ok', msgid: Number(msgid) };
  });

  app.post('/wxa/business/getuserphonenumber', async (req) => {
    if (!validToken((req.query as Record<string, unknown>).access_token)) return tokenError;
    const code = String((req.body as { code?: unknown }).code ?? '');
    const match = /^phone:(1\d{10})$/.exec(code);
    if (!match) return { errcode: WECHAT_CODE_INVALID, errmsg: 'invalid code' };
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: { phoneNumber: match[1], purePhoneNumber: match[1], countryCode: '86' },
    };
  });

  app.post('/wxa/getwxacodeunlimit', async (req, reply) => {
    if (!validToken((req.query as Record<string, unknown>).access_token)) return tokenError;
    const { scene, page, width } = req.body as { scene?: string; page?: string; width?: number };
    if (!scene || scene.length > 32) return { errcode: 40169, errmsg: 'invalid length for scene' };
    const png = await QRCode.toBuffer(`${page ?? 'pages/index/index'}?scene=${scene}`, {
      width: Math.min(Math.max(width ?? 430, 280), 1280),
      margin: 2,
    });
    return reply.type('image/png').send(png);
  });

  registerFakeGroupChat(app, { validToken, tokenError, openidOf });

  // Test controls: not part of WeChat's API.
  app.get('/__fake/messages', async () => messages);
  app.delete('/__fake/messages', async () => {
    messages.length = 0;
    return { ok: true };
  });
  app.post('/__fake/refuse', async (req) => {
    refusing.add(String((req.body as { openid: string }).openid));
    return { ok: true };
  });
  app.post('/__fake/fail', async (req) => {
    const { openid, times } = req.body as { openid: string; times: number };
    failuresLeft.set(openid, times);
    return { ok: true };
  });
  app.post('/__fake/unionid', async (req) => {
    const { openid, unionid } = req.body as { openid: string; unionid: string };
    unionids.set(String(openid), String(unionid));
    return { ok: true };
  });
  app.post('/__fake/expire-tokens', async () => {
    tokens.clear();
    return { ok: true };
  });
  return app;
}

/** Starts the fake on a loopback port (0 = any free one). */
export async function startFakeWechat(port = 0, host = '127.0.0.1'): Promise<FakeWechat> {
  const app = buildFakeWechat();
  const address = await app.listen({ host, port });
  return { app, url: address, close: () => app.close() };
}
