import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../storage/dialect';
import { turnBatches } from '../storage/turn-batches';
import { addRateHits, hitRateWindows, RATE_FLUSH_ROWS } from './rate-limits.storage';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** One key's current window as this host sees it. */
interface Window {
  /** When the shared window ends (milliseconds since the epoch), as the database said. */
  resetAt: number;
  /** The shared total as last read back from the database (this host's written hits included). */
  shared: number;
  /** This host's hits not yet written. */
  pending: number;
  /** This host's hits in a flush under way. */
  flushing: number;
}

export interface DatabaseRateLimitStore {
  /** For @fastify/rate-limit's `store` option. */
  Store: FastifyRateLimitStoreCtor;
  /** Writes the hits counted here so far (the timer does this every `flushMs`). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left: a host shutting down loses no counts. */
  close(): Promise<void>;
}

/** How often windows that have ended are dropped from a host's memory. */
const SWEEP_MS = 10_000;

/**
 * Rate-limit counters in the database, so that several hosts behind a load balancer count
 * one budget per key (LINLI_RATE_LIMIT_STORE=database, the default on PostgreSQL). The
 * embedded SQLite is one host, and keeps its counters in memory. Each route counts apart,
 * as the plugin's in-memory store does; windows are fixed (`rate_limits.reset_at`), and the
 * scheduled job `rateLimits.cleanUp` deletes the rows of ended ones.
 *
 * What is exact and what is approximate:
 *
 * - A key `batched` says no to (logins, writes, uploads: the low budgets that guard against
 *   abuse) is counted **exactly**: in the database before the call is judged, on the total the
 *   upsert returns (the calls of one turn of the loop share one upsert, each judged as the
 *   next hit of its key).
 * - A batched key (reads, whose budget is ten times the writes'), with `flushMs` > 0: the
 *   first call of a window on this host is counted exactly, which tells the host the shared
 *   total and when the window ends. Later calls are counted in memory and judged on the
 *   shared total this host last read back plus its own calls since. Every `flushMs` the
 *   host writes its new hits of all keys in ONE statement (up to 1,000 keys a statement)
 *   and reads back their shared totals. So another host's calls reach this host's judgement
 *   once they are flushed and this host flushes the key in turn: a burst spread over N hosts
 *   within one or two intervals can get up to N budgets in the worst case (and a host that
 *   was quiet for the key judges its first calls on the total it last saw, until its next
 *   flush). A host's own calls always count at once: alone it never passes the budget.
 *
 * A database error lets the request through (a limit is a brake, and the request itself
 * will meet the same database anyway); hits a flush could not write are kept for the next.
 * The timer runs only while hits wait to be written, and never keeps the process alive.
 */
export function databaseRateLimitStore(
  db: Db,
  options: { flushMs?: number; batched?: (key: string) => boolean; now?: () => number } = {},
): DatabaseRateLimitStore {
  const flushMs = options.flushMs ?? 0;
  const batched = flushMs > 0 ? (options.batched ?? (() => false)) : () => false;
  const now = options.now ?? Date.now;
  /**
   * The exactly counted calls of one turn of the loop in ONE upsert (cloud/storage/turn-batches.ts),
   * each judged as if counted alone in the order asked: a key's n calls get the total before
   * them plus 1, 2, … n. The upsert is sent after every call of the turn arrived, so it counts
   * against every other host's calls committed before it, as a call's own upsert did.
   */
  const countedTogether = turnBatches(async (db, calls: ReadonlyArray<{ key: string; windowMs: number; at: number }>) => {
    const perKey = new Map<string, { key: string; hits: number; windowMs: number }>();
    let latest = 0;
    for (const c of calls) {
      const k = perKey.get(c.key);
      if (k) k.hits++;
      else perKey.set(c.key, { key: c.key, hits: 1, windowMs: c.windowMs });
      latest = Math.max(latest, c.at);
    }
    const totals = new Map<string, { hits: number; resetAt: number }>();
    const keys = [...perKey.values()];
    for (let i = 0; i < keys.length; i += RATE_FLUSH_ROWS) {
      for (const [key, total] of await hitRateWindows(db, keys.slice(i, i + RATE_FLUSH_ROWS), latest)) totals.set(key, total);
    }
    const counted = new Map<string, number>();
    return calls.map((c) => {
      const total = totals.get(c.key);
      if (!total) throw new Error('rate window upsert returned no row');
      const nth = (counted.get(c.key) ?? 0) + 1;
      counted.set(c.key, nth);
      return { hits: total.hits - perKey.get(c.key)!.hits + nth, resetAt: total.resetAt };
    });
  });
  const windows = new Map<string, Window>();
  /** Keys with hits not yet written. */
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;
  let sweptAt = now();

  const schedule = () => {
    if (timer || closed || dirty.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, flushMs);
    timer.unref();
  };

  /**
   * This call counted in the database before it is judged; with `remember`, the answer becomes
   * this host's view of the window. The calls of one turn of the loop share one upsert
   * (`countedTogether`).
   */
  const exact = (key: string, windowMs: number, callback: Callback, remember: boolean) => {
    const at = now();
    countedTogether(db, { key, windowMs, at }).then(
      ({ hits, resetAt }) => {
        let current = hits;
        if (remember) {
          const w = windows.get(key);
          if (!w || w.resetAt < resetAt) windows.set(key, { resetAt, shared: hits, pending: 0, flushing: 0 });
          else if (w.resetAt === resetAt) {
            // Several first calls raced: the largest total includes the others.
            w.shared = Math.max(w.shared, hits);
            current = w.shared + w.flushing + w.pending;
          }
        }
        callback(null, { current, ttl: Math.max(0, resetAt - at) });
      },
      () => callback(null, { current: 0, ttl: windowMs }),
    );
  };

  const local = (key: string, windowMs: number, callback: Callback) => {
    const at = now();
    sweep(at);
    const w = windows.get(key);
    if (!w || w.resetAt <= at) {
      // A window this host has not counted yet (its hits left of an ended one no longer matter).
      if (w) {
        windows.delete(key);
        dirty.delete(key);
      }
      return exact(key, windowMs, callback, true);
    }
    w.pending++;
    dirty.add(key);
    schedule();
    callback(null, { current: w.shared + w.flushing + w.pending, ttl: w.resetAt - at });
  };

  /** Drops ended windows from memory now and then (keys that only ever read once never flush). */
  const sweep = (at: number) => {
    if (at - sweptAt < SWEEP_MS) return;
    sweptAt = at;
    for (const [key, w] of windows) if (w.resetAt <= at && w.flushing === 0) windows.delete(key);
  };

  const writePending = async () => {
    const at = now();
    sweep(at);
    const batch: Array<{ key: string; w: Window; hits: number }> = [];
    for (const key of dirty) {
      const w = windows.get(key);
      if (w && w.resetAt > at && w.pending > 0) {
        batch.push({ key, w, hits: w.pending });
        w.flushing += w.pending;
        w.pending = 0;
      }
    }
    dirty.clear();
    // In key order: two hosts flushing the same keys lock their rows in the same order, never in a cycle.
    batch.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    for (let i = 0; i < batch.length; i += RATE_FLUSH_ROWS) {
      const part = batch.slice(i, i + RATE_FLUSH_ROWS);
      try {
        const totals = new Map((await addRateHits(db, part.map((b) => ({ key: b.key, hits: b.hits, resetAt: b.w.resetAt })), at)).map((r) => [r.key, r]));
        for (const b of part) {
          b.w.flushing -= b.hits;
          const total = totals.get(b.key);
          if (total && windows.get(b.key) === b.w) {
            b.w.shared = total.hits;
            b.w.resetAt = total.resetAt;
          }
        }
      } catch {
        // Kept for the next flush (still judged on them meanwhile).
        for (const b of part) {
          b.w.flushing -= b.hits;
          if (windows.get(b.key) === b.w) {
            b.w.pending += b.hits;
            dirty.add(b.key);
          }
        }
      }
    }
  };

  const flush = async (): Promise<void> => {
    // One flush at a time: a second waits and then writes what came meanwhile.
    while (running) await running;
    running = writePending().finally(() => {
      running = null;
      schedule();
    });
    await running;
  };

  class DatabaseStore implements FastifyRateLimitStore {
    // The plugin constructs the root store with its settings; its children are per route.
    constructor(
      _settings?: unknown,
      private readonly prefix = 'global',
    ) {}
    incr(key: string, callback: Callback, timeWindow: number): void {
      const full = `${this.prefix}|${key}`;
      if (batched(key)) local(full, timeWindow, callback);
      else exact(full, timeWindow, callback, false);
    }
    child(params: object): FastifyRateLimitStore {
      // The plugin hands the merged limit settings, with the route under `routeInfo` (its typings say otherwise).
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseStore(params, `${method} ${route.url ?? ''}`);
    }
  }

  return {
    Store: DatabaseStore as unknown as FastifyRateLimitStoreCtor,
    flush,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await flush();
    },
  };
}
