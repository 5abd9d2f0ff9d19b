import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock } from '../core/clock';
import { registerFakeGroupChat } from './fake-group-chat';
import { openidOf, registerLogin } from './fake/login';
import { registerPhone } from './fake/phone';
import type { FakeCall, FakeContext, FakeModule, FakeOptions } from './fake/state';
import { registerSubscribe } from './fake/subscribe';
import { registerTokens } from './fake/token';
import { registerWxaCode } from './fake/wxacode';

export { openidOf } from './fake/login';
export type { FakeCall, FakeOptions, FakeTemplate } from './fake/state';
export type { RecordedMessage, SubscribeChoice } from './fake/subscribe';

/**
 * A local stand-in for WeChat's server API, answering the same HTTP calls on loopback, for
 * development and tests. It refuses the way WeChat does (one-time codes, expiry, rate
 * limits, one message per one-time subscription, keyword value limits), so a test cannot
 * pass on something WeChat would refuse.
 *
 * Each API family is a module in `fake/` registered here; a new family is one more file
 * and one more line in FAKE_MODULES. Every call, answered or refused, is in `GET /__fake/log`.
 */
export interface FakeWechat {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Group chats (动态消息, getGroupEnterInfo's encrypted data): cloud/wechat/fake-group-chat.ts. */
const registerGroupChat: FakeModule = (app, context) =>
  registerFakeGroupChat(app, {
    validToken: (token) => context.tokenError({ access_token: token }) === null,
    tokenError: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
    openidOf,
  });

export const FAKE_MODULES: FakeModule[] = [registerTokens, registerLogin, registerSubscribe, registerPhone, registerWxaCode, registerGroupChat];

export function buildFakeWechat(options: FakeOptions = {}, modules: FakeModule[] = FAKE_MODULES): FastifyInstance {
  const app = Fastify({ logger: false });
  const log: FakeCall[] = [];
  const context: FakeContext = {
    clock: options.clock ?? systemClock,
    appId: options.appId,
    secret: options.secret,
    tokens: new Map(),
    log,
    record(api, detail, reply) {
      log.push({ api, errcode: reply.errcode ?? 0, errmsg: reply.errmsg ?? 'ok', at: context.clock.now().toISOString(), detail });
    },
    tokenError(query) {
      const token = (query as Record<string, unknown> | undefined)?.access_token;
      const expiresAt = typeof token === 'string' ? context.tokens.get(token) : undefined;
      if (expiresAt === undefined) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      if (expiresAt <= context.clock.now().getTime()) return { errcode: 42001, errmsg: 'access_token expired' };
      return null;
    },
  };
  for (const register of modules) register(app, context, options);
  app.get('/__fake/log', async () => log);
  return app;
}

/** Starts the fake on a loopback port (0 = any free one). */
export async function startFakeWechat(options: FakeOptions & { port?: number; host?: string } = {}): Promise<FakeWechat> {
  const app = buildFakeWechat(options);
  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  return { app, url: address, close: () => app.close() };
}

/**
 * The resident's tap in WeChat's subscribe sheet, as the fake WeChat's own control
 * (`POST /__fake/subscribe`) takes it; refused the way requestSubscribeMessage refuses
 * (more than 3 ids, unknown ids).
 */
export async function tapFakeSheet(fake: FakeWechat, openid: string, results: Record<string, string>): Promise<void> {
  const response = await fake.app.inject({ method: 'POST', url: '/__fake/subscribe', payload: { openid, results } });
  if (response.statusCode !== 200) throw new Error(`fake WeChat refused the subscribe tap: ${response.body}`);
}
