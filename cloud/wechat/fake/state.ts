import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../core/clock';

/** What one call to the fake did, for tests to read back (`GET /__fake/log`). */
export interface FakeCall {
  api: string;
  /** 0 when WeChat would have answered ok. */
  errcode: number;
  errmsg: string;
  at: string;
  /** What was asked (the code, the recipient and template, …), without secrets. */
  detail: Record<string, unknown>;
}

/** A subscribe-message template as it is set up in the mini-program's admin console. */
export interface FakeTemplate {
  id: string;
  /** 一次性订阅 allows one message per accepted tap; 长期订阅 until the user turns it off. */
  kind: 'one-time' | 'long-term';
  /** Keyword names, e.g. ['thing1', 'time2', 'thing3', 'thing4']. */
  keywords: string[];
}

export interface FakeOptions {
  /** The fake's "now": codes and tokens expire by it. Defaults to the system clock. */
  clock?: Clock;
  appId?: string;
  secret?: string;
  templates?: FakeTemplate[];
}

/** State every API family of the fake shares: the clock, credentials, tokens and the log. */
export interface FakeContext {
  clock: Clock;
  appId: string | undefined;
  secret: string | undefined;
  /** Access tokens by value, with their expiry (ms). */
  tokens: Map<string, number>;
  log: FakeCall[];
  record(api: string, detail: Record<string, unknown>, reply: { errcode?: number; errmsg?: string }): void;
  /** The access_token check every server API does first (40001 / 42001). */
  tokenError(query: unknown): { errcode: number; errmsg: string } | null;
}

/** One API family of the fake: registers WeChat's routes and its own `/__fake/...` controls. */
export type FakeModule = (app: FastifyInstance, context: FakeContext, options: FakeOptions) => void;

export function queryOf(req: { query: unknown }): Record<string, string | undefined> {
  return (req.query ?? {}) as Record<string, string | undefined>;
}

export function bodyOf<T>(req: { body: unknown }): Partial<T> {
  return (req.body ?? {}) as Partial<T>;
}
