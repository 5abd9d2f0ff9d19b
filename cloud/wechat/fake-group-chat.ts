import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The group-chat part of the local fake WeChat: updatable messages (动态消息) and the
 * encrypted data `wx.getGroupEnterInfo` hands a mini-program opened from a group chat.
 *
 * It refuses the way WeChat does (documented errcodes of createActivityId and
 * setUpdatableMsg; an activity id expires 24 h after it was made; state 1 is final), and
 * it encrypts group data with WeChat's own algorithm (AES-128-CBC, key = the user's
 * session_key, random IV, PKCS#7, a watermark with appid and timestamp), so the host's real
 * decryption code is what tests run.
 *
 * Test controls (not WeChat's API): `GET /__fake/updatable-messages` lists every update
 * accepted, `POST /__fake/group-enter` returns what getGroupEnterInfo would give a user in
 * a group, `POST /__fake/clock` moves the fake's clock (for the 24 h expiry).
 */

/** errcodes of updatableMessage.setUpdatableMsg. */
export const WECHAT_DATA_FORMAT = 47001;
export const WECHAT_EMPTY_POST = 44002;
export const WECHAT_ACTIVITY_ID_INVALID = 47501;
export const WECHAT_TARGET_STATE_INVALID = 47502;
export const WECHAT_VERSION_TYPE_INVALID = 47503;
export const WECHAT_ACTIVITY_ID_EXPIRED = 47504;

const ACTIVITY_TTL_MS = 24 * 60 * 60 * 1000;

// One secret per process: a persona's session_key is stable for the fake's life, as a
// real session_key is for a while, and unknown to anyone outside the fake.
const SESSION_SECRET = crypto.randomBytes(32);

/** The fake's session_key of a user (base64 of 16 bytes, as WeChat's). */
export function fakeSessionKey(openid: string): string {
  return crypto.createHmac('sha256', SESSION_SECRET).update(openid).digest().subarray(0, 16).toString('base64');
}

export interface RecordedUpdate {
  activity_id: string;
  target_state: number;
  parameters: Record<string, string>;
  at: string;
}

interface Activity {
  expiresAt: number;
  state: number;
}

export function registerFakeGroupChat(
  app: FastifyInstance,
  options: { validToken(token: unknown): boolean; tokenError: object; openidOf(persona: string): string },
): void {
  const activities = new Map<string, Activity>();
  const updates: RecordedUpdate[] = [];
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;

  app.get('/cgi-bin/message/wxopen/activityid/create', async (req) => {
    if (!options.validToken((req.query as Record<string, unknown>).access_token)) return options.tokenError;
    const id = crypto.randomBytes(16).toString('hex');
    const expiresAt = now() + ACTIVITY_TTL_MS;
    activities.set(id, { expiresAt, state: 0 });
    return { errcode: 0, errmsg: 'ok', activity_id: id, expiration_time: Math.floor(expiresAt / 1000) };
  });

  app.post('/cgi-bin/message/wxopen/updatablemsg/send', async (req) => {
    if (!options.validToken((req.query as Record<string, unknown>).access_token)) return options.tokenError;
    const body = req.body as { activity_id?: unknown; target_state?: unknown; template_info?: { parameter_list?: unknown } } | null;
    if (!body || typeof body !== 'object') return { errcode: WECHAT_EMPTY_POST, errmsg: 'empty post data' };
    if (typeof body.activity_id !== 'string') return { errcode: WECHAT_DATA_FORMAT, errmsg: 'data format error' };
    const activity = activities.get(body.activity_id);
    if (!activity) return { errcode: WECHAT_ACTIVITY_ID_INVALID, errmsg: 'invalid activity_id' };
    if (activity.expiresAt <= now()) return { errcode: WECHAT_ACTIVITY_ID_EXPIRED, errmsg: 'activity_id expired' };
    const state = body.target_state;
    if (state !== 0 && state !== 1) return { errcode: WECHAT_TARGET_STATE_INVALID, errmsg: 'invalid target_state' };
    // State 0 may become 0 or 1; state 1 (已开始) cannot change any more.
    if (activity.state === 1) return { errcode: WECHAT_TARGET_STATE_INVALID, errmsg: 'target_state can not be changed from 1' };
    const list = body.template_info?.parameter_list;
    if (!Array.isArray(list)) return { errcode: WECHAT_DATA_FORMAT, errmsg: 'data format error' };
    const parameters: Record<string, string> = {};
    for (const p of list as Array<{ name?: unknown; value?: unknown }>) {
      if (typeof p?.name !== 'string' || typeof p.value !== 'string') return { errcode: WECHAT_DATA_FORMAT, errmsg: 'data format error' };
      parameters[p.name] = p.value;
    }
    if (state === 0) {
      if (!/^\d+$/.test(parameters.member_count ?? '') || !/^\d+$/.test(parameters.room_limit ?? '')) {
        return { errcode: WECHAT_DATA_FORMAT, errmsg: 'member_count and room_limit are required for target_state 0' };
      }
    } else {
      if (!parameters.path) return { errcode: WECHAT_DATA_FORMAT, errmsg: 'path is required for target_state 1' };
      if (!['develop', 'trial', 'release'].includes(parameters.version_type ?? '')) {
        return { errcode: WECHAT_VERSION_TYPE_INVALID, errmsg: 'invalid version_type' };
      }
    }
    activity.state = state;
    updates.push({ activity_id: body.activity_id, target_state: state, parameters, at: new Date(now()).toISOString() });
    return { errcode: 0, errmsg: 'ok' };
  });

  app.get('/__fake/updatable-messages', async () => updates);
  app.post('/__fake/clock', async (req) => {
    const { advanceMs, now: at } = req.body as { advanceMs?: number; now?: string };
    if (at) offsetMs = new Date(at).getTime() - Date.now();
    if (advanceMs) offsetMs += advanceMs;
    return { ok: true, now: new Date(now()).toISOString() };
  });
  /** What wx.getGroupEnterInfo gives `persona` opened from group `opengid`. */
  app.post('/__fake/group-enter', async (req) => {
    const { persona, opengid, appid } = req.body as { persona: string; opengid: string; appid?: string };
    const plain = JSON.stringify({
      opengid,
      chat_type: 1,
      watermark: { appid: appid ?? 'wx-dev-linli', timestamp: Math.floor(now() / 1000) },
    });
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('aes-128-cbc', Buffer.from(fakeSessionKey(options.openidOf(persona)), 'base64'), iv);
    const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { errMsg: 'getGroupEnterInfo:ok', encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
  });
}
