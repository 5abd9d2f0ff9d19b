import type { Clock } from '../core/clock';
import { decryptOpenData } from './open-data';

/** An error answered by WeChat's server API, with WeChat's own `errcode`. */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${errcode}: ${errmsg}`);
  }
}

/** errcodes that mean the caller's input was at fault, not WeChat's availability. */
export const WECHAT_CODE_INVALID = 40029;
export const WECHAT_CODE_USED = 40163;
export const WECHAT_TOKEN_INVALID = 40001;
export const WECHAT_TOKEN_EXPIRED = 42001;
/** A template field breaks WeChat's value limits (thing over 20 characters, …). */
export const WECHAT_ARGUMENT_INVALID = 47003;
/** The user has not (or no longer) subscribed to this template: final, never retried. */
export const WECHAT_SUBSCRIPTION_REFUSED = 43101;

export interface SubscribeMessage {
  toOpenid: string;
  templateId: string;
  page?: string;
  /** Template fields, e.g. { thing1: '义诊', time2: '2026年3月22日 09:00' }. */
  data: Record<string, string>;
  state?: 'developer' | 'trial' | 'formal';
}

export interface WechatClient {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  getAccessToken(): Promise<string>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgid: string }>;
  getPhoneNumber(code: string): Promise<{ phoneNumber: string; countryCode: string }>;
  /** A mini-program code image (PNG) for a page with a scene of at most 32 characters. */
  getUnlimitedQrCode(options: { scene: string; page?: string; width?: number }): Promise<Buffer>;
  /** updatableMessage.createActivityId: an id for a 动态消息, valid 24 h. */
  createActivityId(): Promise<{ activityId: string; expiresAt: Date }>;
  /** updatableMessage.setUpdatableMsg: state 0 with member_count/room_limit, or the final state 1 with path/version_type. */
  setUpdatableMsg(message: { activityId: string; targetState: 0 | 1; parameters: Record<string, string> }): Promise<void>;
  /**
   * Decrypts open data (e.g. wx.getGroupEnterInfo's) with the session_key of a fresh
   * wx.login code; the key is used here and forgotten. Throws OpenDataError when the data
   * is not this user's or this app's.
   */
  decryptWithCode(code: string, encryptedData: string, iv: string): Promise<{ openid: string; data: Record<string, unknown> }>;
}

export interface WechatClientOptions {
  baseUrl: string;
  appId: string;
  secret: string;
  clock: Clock;
  fetch?: typeof fetch;
}

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

/**
 * The one client for WeChat's server API. Its base URL is configuration: WeChat in
 * production, the local fake (fake-server.ts) in development and tests.
 */
export function createWechatClient(options: WechatClientOptions): WechatClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, '');
  let token: { value: string; expiresAt: number } | null = null;

  async function request(path: string, init?: { body?: unknown; query?: Record<string, string> }): Promise<Response> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(init?.query ?? {})) url.searchParams.set(k, v);
    const response = await doFetch(url, {
      method: init?.body === undefined ? 'GET' : 'POST',
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new WechatError(-1, `HTTP ${response.status}`);
    return response;
  }

  async function json<T>(path: string, init?: { body?: unknown; query?: Record<string, string> }): Promise<T> {
    const reply = (await (await request(path, init)).json()) as T & WechatReply;
    if (reply.errcode) throw new WechatError(reply.errcode, reply.errmsg ?? '');
    return reply;
  }

  async function getAccessToken(forceRefresh = false): Promise<string> {
    const now = options.clock.now().getTime();
    if (!forceRefresh && token && token.expiresAt > now) return token.value;
    const reply = await json<{ access_token: string; expires_in: number }>('/cgi-bin/stable_token', {
      body: { grant_type: 'client_credential', appid: options.appId, secret: options.secret, force_refresh: forceRefresh },
    });
    // Refresh five minutes early so a token never expires mid-request.
    token = { value: reply.access_token, expiresAt: now + (reply.expires_in - 300) * 1000 };
    return token.value;
  }

  /** Calls an API that takes the access token, refreshing it once if WeChat says it went stale. */
  async function withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await call(await getAccessToken());
    } catch (error) {
      if (error instanceof WechatError && (error.errcode === WECHAT_TOKEN_INVALID || error.errcode === WECHAT_TOKEN_EXPIRED)) {
        return call(await getAccessToken(true));
      }
      throw error;
    }
  }

  return {
    async code2Session(code) {
      const reply = await json<{ openid: string; unionid?: string; session_key: string }>('/sns/jscode2session', {
        query: { appid: options.appId, secret: options.secret, js_code: code, grant_type: 'authorization_code' },
      });
      // session_key stays here: it is never stored and never returned to a client.
      return { openid: reply.openid, unionid: reply.unionid };
    },
    getAccessToken: () => getAccessToken(),
    sendSubscribeMessage(message) {
      return withToken(async (accessToken) => {
        const reply = await json<{ msgid: number | string }>('/cgi-bin/message/subscribe/send', {
          query: { access_token: accessToken },
          body: {
            touser: message.toOpenid,
            template_id: message.templateId,
            page: message.page,
            miniprogram_state: message.state ?? 'formal',
            lang: 'zh_CN',
            data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }])),
          },
        });
        return { msgid: String(reply.msgid) };
      });
    },
    getPhoneNumber(code) {
      return withToken(async (accessToken) => {
        const reply = await json<{ phone_info: { purePhoneNumber: string; countryCode: string } }>(
          '/wxa/business/getuserphonenumber',
          { query: { access_token: accessToken }, body: { code } },
        );
        return { phoneNumber: reply.phone_info.purePhoneNumber, countryCode: reply.phone_info.countryCode };
      });
    },
    getUnlimitedQrCode({ scene, page, width }) {
      return withToken(async (accessToken) => {
        const response = await request('/wxa/getwxacodeunlimit', {
          query: { access_token: accessToken },
          body: { scene, page, width: width ?? 430, check_path: false },
        });
        // Success is an image; failure is JSON with an errcode.
        if ((response.headers.get('content-type') ?? '').includes('json')) {
          const reply = (await response.json()) as WechatReply;
          throw new WechatError(reply.errcode ?? -1, reply.errmsg ?? '');
        }
        return Buffer.from(await response.arrayBuffer());
      });
    },
    createActivityId() {
      return withToken(async (accessToken) => {
        const reply = await json<{ activity_id: string; expiration_time: number }>('/cgi-bin/message/wxopen/activityid/create', {
          query: { access_token: accessToken },
        });
        return { activityId: reply.activity_id, expiresAt: new Date(reply.expiration_time * 1000) };
      });
    },
    setUpdatableMsg({ activityId, targetState, parameters }) {
      return withToken(async (accessToken) => {
        await json('/cgi-bin/message/wxopen/updatablemsg/send', {
          query: { access_token: accessToken },
          body: {
            activity_id: activityId,
            target_state: targetState,
            template_info: { parameter_list: Object.entries(parameters).map(([name, value]) => ({ name, value })) },
          },
        });
      });
    },
    async decryptWithCode(code, encryptedData, iv) {
      const reply = await json<{ openid: string; session_key: string }>('/sns/jscode2session', {
        query: { appid: options.appId, secret: options.secret, js_code: code, grant_type: 'authorization_code' },
      });
      const data = decryptOpenData(reply.session_key, encryptedData, iv, { appId: options.appId, now: options.clock.now(), maxAgeSeconds: 3600 });
      return { openid: reply.openid, data };
    },
  };
}
