import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../storage/dialect';
import { hitRateWindow } from './rate-limits.storage';

/**
 * Rate-limit counters in the database, so that several hosts behind a load balancer count
 * one budget per key (LINLI_RATE_LIMIT_STORE=database, the default on PostgreSQL). The
 * embedded SQLite is one host, and keeps its counters in memory. Each route counts apart,
 * as the plugin's in-memory store does. A database error lets the request through: a
 * limit is a brake, and the request itself will meet the same database anyway.
 */
export function databaseRateLimitStore(db: Db, now: () => number = Date.now): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(private readonly prefix = 'global') {}
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const at = now();
      hitRateWindow(db, `${this.prefix}|${key}`, timeWindow, at).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - at) }),
        () => callback(null, { current: 0, ttl: timeWindow }),
      );
    }
    child(params: object): FastifyRateLimitStore {
      // The plugin hands the merged limit settings, with the route under `routeInfo` (its typings say otherwise).
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseStore(`${method} ${route.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
