import crypto from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accessAllows, AppError, contracts, type FieldError, type RoleGrant } from '../../types';
import type { Profile } from '../../types/users';
import { auditAdminWrite, isAdmin } from '../audit/admin-writes';
import { resolveSession } from '../auth/sessions';
import { signInWithPassword, signInWithWechat } from '../auth/sign-in';
import { systemClock, type Clock } from '../core/clock';
import type { CloudFunction, SessionUser } from '../core/define-function';
import { replyEncoding } from '../core/reply-cache';
import type { Services } from '../core/services';
import type { ContentVersions } from '../storage/content-versions';
import type { AuthData } from '../users/auth-data';
import { loadAccount } from '../users/profile';
import { catalogEntry } from '../../types/catalog';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './bounded-json';
import { registerFileRoutes } from './file-routes';
import { registerPublicLinks } from './public-links';
import { registerCardRoutes } from '../grid/card-routes';
import { registerOperations, type OperationsOptions } from './operations';
import { databaseRateLimitStore } from './rate-limit-store';
import { decodeValue, encodeValue, verifyAppSignature } from './protocol';
import { registerReplyHeaders } from './reply-headers';

z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyRequest {
    caller: SessionUser | null;
    /** The lists' versions read with the session check, when it read them (FunctionContext). */
    contentVersions: ContentVersions | undefined;
  }
}

/**
 * A function's reply body as Fastify would send `{ result }`, as bytes: a kept reply is
 * encoded to UTF-8 once instead of at every socket write (a page of Chinese text, 2–6 KB).
 */
const encodeReply = (value: unknown): Buffer => Buffer.from(`{"result":${JSON.stringify(encodeValue(value))}}`);

export interface HostOptions {
  services: Services;
  functions: CloudFunction[];
  logger?: boolean;
  /** Where JSON log lines go (default stdout); tests read them. */
  logStream?: NodeJS.WritableStream;
  /**
   * Real time, for the request signature: it says how far the device's clock is from ours,
   * which a domain clock fixed by a test must not change.
   */
  wallClock?: Clock;
  /** Readiness and metrics inputs; a bare test host has neither pool nor shutdown. */
  operations?: OperationsOptions;
}

/**
 * The host: a thin door between LeanCloud's protocol and our functions. It decodes the
 * request, checks the app signature, the session and the access rule, validates the input,
 * calls the handler and encodes the result. No domain rule lives here.
 */
export async function buildHost({
  services,
  functions,
  logger = false,
  logStream,
  wallClock = systemClock,
  operations = { poolStats: () => ({ total: 0, idle: 0, waiting: 0 }), draining: () => false },
}: HostOptions): Promise<FastifyInstance> {
  const { config } = services;
  const byName = new Map(functions.map((f) => [f.contract.name, f]));
  const missing = contracts.filter((c) => !byName.has(c.name)).map((c) => c.name);
  if (missing.length) throw new Error(`contracts without a handler: ${missing.join(', ')}`);

  const trust = config.trustProxy;
  // A hop count becomes proxy-addr's own rule for it: the first n addresses from the right.
  const trustProxy = typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
  const app = Fastify({
    logger: logger && { ...jsonLogOptions(config.logLevel), ...(logStream && { stream: logStream }) },
    bodyLimit: config.bodyLimitBytes,
    trustProxy,
    // A request id from the proxy in front is kept, so one request reads the same in both
    // logs; anything else gets its own. The reply carries it (registerReplyHeaders).
    requestIdHeader: false,
    genReqId: requestId,
  });
  app.decorateRequest('caller', null);
  app.decorateRequest('contentVersions', undefined);
  app.decorateRequest('functionName', null);
  const metrics = registerOperations(app, services, operations);

  // The SDK sends an empty body with a JSON content type for a call without parameters.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, raw, done) => {
    const text = String(raw);
    if (text.trim() === '') return done(null, {});
    // Counted before parsing, without recursion: a deep body never reaches a decoder.
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(new AppError('JSON_TOO_DEEP'), undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return done(new AppError('INVALID_JSON'), undefined);
    }
    // PostgreSQL cannot store U+0000 in text; no person types it either.
    if (text.includes('\\u0000')) return done(new AppError('INVALID_INPUT', '内容中含有无法识别的字符'), undefined);
    done(null, parsed);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = fastifyErrorToAppError(error);
    metrics.countError(appError.code);
    // The class, code and stack only: a driver's message can quote the values it was given.
    if (appError.kind === 'INTERNAL') request.log.error({ err: scrubbedError(error) }, 'internal error');
    const body: { code: number; error: string; fields?: FieldError[] } = { code: appError.code, error: appError.message };
    if (appError.fields.length) body.fields = appError.fields;
    return reply.status(appError.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    // Under /1.1/ a miss is a part of LeanCloud's API we do not serve, told apart from a
    // record that is not there, so a developer moving an app knows which it is.
    const path = request.url.split('?')[0]!;
    const e = path.startsWith('/1.1/') ? new AppError('API_NOT_SERVED', `此服务器不提供该接口: ${path.slice(0, 200)}`) : new AppError('NOT_FOUND');
    return reply.status(e.status).send({ code: e.code, error: e.message });
  });

  registerReplyHeaders(app, operations.draining);
  await app.register(cors, {
    origin: corsOrigins(config),
    allowedHeaders: ['Content-Type', 'X-LC-Id', 'X-LC-Sign', 'X-LC-Key', 'X-LC-Session', 'X-LC-UA', 'X-LC-Prod'],
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  // Shared through the database: reads (`read:` keys, see callLimit) are counted here and
  // flushed every LINLI_RATE_LIMIT_FLUSH_MS; logins, writes and uploads exactly (rate-limit-store.ts).
  const sharedLimits =
    config.rateLimitStore === 'database'
      ? databaseRateLimitStore(services.db, { flushMs: config.rateLimitFlushMs, batched: (key) => key.startsWith('read:') })
      : null;
  if (sharedLimits) app.addHook('onClose', () => sharedLimits.close());
  await app.register(rateLimit, {
    global: false,
    ...(sharedLimits && { store: sharedLimits.Store }),
    // After the session is checked (route hooks run after the `authenticate` hook), so a
    // signed-in caller is counted as themself and an anonymous one by their address, which
    // is the proxy's X-Forwarded-For when LINLI_TRUST_PROXY says to believe it.
    hook: 'preHandler',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    // LeanCloud sends no budget headers and no client of ours reads them: a refusal says
    // when to retry, an allowed request carries nothing (three headers fewer on every reply).
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
  });

  /** The app signature, then the session if one is sent. */
  const authenticate = async (request: FastifyRequest) => {
    const ok = verifyAppSignature(
      {
        id: header(request, 'x-lc-id'),
        sign: header(request, 'x-lc-sign'),
        key: header(request, 'x-lc-key'),
      },
      { appId: config.appId, appKey: config.appKey, skewMs: config.signatureSkewMs, now: wallClock.now() },
    );
    if (!ok) throw new AppError('APP_SIGNATURE_INVALID');
    const token = header(request, 'x-lc-session');
    // The SDK sends the stored user's token with every request, the login that replaces it
    // included: a dead token must never block signing in again.
    if (token && !isSignIn(request)) {
      // A stale token is an error even where no login is needed, so the client re-logs in.
      // A function that serves kept lists has their versions read with the session check.
      const fn = byName.get((request.params as { name?: string } | undefined)?.name ?? '');
      const session = await resolveSession(services, token, fn?.keptLists !== undefined);
      if (!session) throw new AppError('SESSION_INVALID');
      request.caller = session.caller;
      request.contentVersions = session.contents;
    }
  };

  await app.register(
    async (api) => {
      api.addHook('preHandler', authenticate);

      const loginLimit = { rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } };
      const callLimit = {
        rateLimit: {
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => {
            const fn = byName.get((request.params as { name?: string }).name ?? '');
            return `${fn?.contract.kind === 'command' ? 'write' : 'read'}:${rateLimitKey(request)}`;
          },
          // Reads are cheap and lists page often; writes get the configured budget.
          max: (_request: FastifyRequest, key: string) =>
            key.startsWith('write:') ? config.writeRatePerMinute : config.writeRatePerMinute * 10,
        },
      };

      const runFunction = async (request: FastifyRequest, reply: FastifyReply) => {
        const name = (request.params as { name: string }).name;
        const fn = byName.get(name);
        if (!fn) throw new AppError('FUNCTION_NOT_FOUND', `没有这项功能：${name.slice(0, 64)}，请更新小程序后再试`);
        request.functionName = name;
        const caller = request.caller;
        if (!accessAllows(fn.contract.access, caller)) {
          throw caller ? new AppError('ROLE_REQUIRED') : new AppError('SESSION_INVALID', '请先登录');
        }
        const input = decodeValue(request.body);
        const audited = fn.contract.kind === 'command' && isAdmin(caller);
        let parsedInput: unknown = input;
        let result: unknown;
        try {
          const parsed = fn.contract.input.safeParse(input);
          if (!parsed.success) throw invalidInput(parsed.error);
          parsedInput = parsed.data;
          result = await fn.handler(parsed.data, { services, caller: caller as SessionUser, ip: request.ip, contentVersions: request.contentVersions });
        } catch (error) {
          // The write did not happen: audited as denied or failed, and the caller gets the error.
          if (audited) await auditAdminWrite(services, { caller, functionName: name, input, error: fastifyErrorToAppError(error) }).catch((e: unknown) => request.log.error({ err: scrubbedError(e), function: name }, 'audit write failed'));
          throw error;
        }
        // The write committed: the caller hears so whatever happens to its audit row, and a
        // failed audit write is logged (with the request id), never turned into a "failed" row.
        if (audited) await auditAdminWrite(services, { caller, functionName: name, input: parsedInput, error: null }).catch((e: unknown) => request.log.error({ err: scrubbedError(e), function: name }, 'audit write failed after a committed change'));
        // A reply a cache keeps (cloud/core/reply-cache.ts) is encoded once, at the first send.
        const kept = replyEncoding(result, encodeReply);
        if (kept !== undefined) return reply.type('application/json; charset=utf-8').send(kept);
        return { result: encodeValue(result) };
      };
      api.post('/functions/:name', { config: callLimit }, runFunction);
      api.post('/call/:name', { config: callLimit }, runFunction);

      // WeChat login: the SDK's loginWithMiniApp / loginWithAuthData(…, 'lc_weapp'). With
      // preferUnionId the weapp adapter adds `platform` and `main_account` to the code.
      const WechatLogin = z.object({
        authData: z.object({
          lc_weapp: z.object({
            code: z.string().min(1).max(128),
            platform: z.string().min(1).max(32).optional(),
            main_account: z.union([z.boolean(), z.string()]).optional(),
          }),
        }),
      });
      api.post('/users', { config: loginLimit }, async (request, reply) => {
        const parsed = WechatLogin.safeParse(request.body);
        if (!parsed.success) throw new AppError('INVALID_INPUT', '仅支持微信登录，缺少登录凭证');
        const weapp = parsed.data.authData.lc_weapp;
        const { userId, token } = await signInWithWechat(services, weapp.code, {
          keepUnionid: weapp.platform !== undefined,
          failOnNotExist: (request.query as { failOnNotExist?: string }).failOnNotExist === 'true',
        });
        return reply.status(201).send(await userReply(services, userId, token));
      });

      api.get('/users/me', async (request) => {
        const token = header(request, 'x-lc-session');
        if (!request.caller || !token) throw new AppError('SESSION_INVALID');
        // The caller's grants were checked against the database in this request (auth_version).
        return userReply(services, request.caller.id, token, request.caller.grants);
      });

      const PasswordLogin = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) });
      api.post('/login', { config: loginLimit }, async (request) => {
        const parsed = PasswordLogin.safeParse(request.body);
        if (!parsed.success) throw new AppError('INVALID_INPUT', '请输入用户名和密码');
        const { userId, token } = await signInWithPassword(services, parsed.data.username, parsed.data.password, request.ip);
        return userReply(services, userId, token);
      });
    },
    { prefix: '/1.1' },
  );

  // LeanCloud's clock, which SDKs and network checks ask for without any credentials.
  app.get('/1.1/date', async () => ({ __type: 'Date', iso: wallClock.now().toISOString() }));

  await registerFileRoutes(app, services, authenticate, config.writeRatePerMinute);
  registerPublicLinks(app);
  await registerCardRoutes(app, services);

  // Built at its first request: converting every contract to JSON Schema was ~8% of a start.
  let catalog: { functions: Array<ReturnType<typeof catalogEntry>> } | null = null;
  app.get('/api/functions', async () => (catalog ??= { functions: functions.map((f) => catalogEntry(f.contract)) }));
  app.get('/api/health', async () => ({ ok: true }));

  return app;
}

/**
 * JSON logs, one line an event, with the request id and no personal data: no IP address,
 * no query string (signed links), no headers (session tokens), no bodies.
 */
function jsonLogOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

function scrubbedError(error: unknown): { type: string; code?: string; stack?: string } {
  const e = error as { name?: string; code?: unknown; stack?: string };
  return { type: e?.name ?? typeof error, code: typeof e?.code === 'string' ? e.code : undefined, stack: e?.stack?.split('\n').slice(1, 6).join('\n') };
}

/** POST /1.1/users (WeChat login) and POST /1.1/login (console accounts). */
function isSignIn(request: FastifyRequest): boolean {
  return request.method === 'POST' && ['/1.1/users', '/1.1/login'].includes(request.routeOptions.url ?? '');
}

/**
 * Whose budget a request spends: a signed-in user's own (however many sessions or devices
 * they use, and whatever address they share with their neighbours behind one proxy), else
 * the client address's.
 */
export function rateLimitKey(request: FastifyRequest): string {
  return request.caller ? `user:${request.caller.id}` : `ip:${request.ip}`;
}

/**
 * Which other origins may call the host from a browser. The host's own pages (the preview,
 * and the console on its own origin) are same-origin and need none. Outside production `*`
 * is allowed for local front ends; in production only the configured origins, never `*`.
 */
function corsOrigins(config: Services['config']): boolean | string[] {
  const configured = config.corsOrigins === '*' ? [] : config.corsOrigins;
  if (!config.production && config.corsOrigins === '*') return true;
  return [...configured, ...(config.consoleOrigin ? [config.consoleOrigin] : [])];
}

/** The proxy's `X-Request-Id` when it is a plain token, else a new UUID. */
function requestId(raw: { headers: Record<string, string | string[] | undefined> }): string {
  const sent = raw.headers['x-request-id'];
  return typeof sent === 'string' && /^[\w.:-]{1,80}$/.test(sent) ? sent : crypto.randomUUID();
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function userReply(services: Services, userId: string, sessionToken: string, grants?: RoleGrant[]) {
  const { profile, authData } = await loadAccount(services, userId, grants);
  return userJson(profile, authData, sessionToken);
}

/**
 * The SDK's user object: the profile's fields, authData, the token and the two times as ISO
 * text (LeanCloud's own user reply), as one literal: every field of `Profile` is named (a field
 * added there fails to compile here until it is placed), and `authData: undefined` is left
 * out by JSON.stringify as the key was before.
 */
function userJson(profile: Profile, authData: AuthData | undefined, sessionToken: string) {
  const reply: { [K in keyof Profile]: unknown } & { authData: AuthData | undefined; sessionToken: string } = {
    objectId: profile.objectId,
    nickname: profile.nickname,
    avatarUrl: profile.avatarUrl,
    homeCommunityId: profile.homeCommunityId,
    homeCommunityName: profile.homeCommunityName,
    phoneMasked: profile.phoneMasked,
    isResident: profile.isResident,
    username: profile.username,
    roles: profile.roles,
    authData,
    sessionToken,
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
  return reply;
}

function invalidInput(error: z.ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return new AppError('INVALID_INPUT', `填写的内容有误：${fields[0]?.message ?? ''}`, fields);
}

export function fastifyErrorToAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (e.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('INVALID_JSON');
  return new AppError('INTERNAL');
}
