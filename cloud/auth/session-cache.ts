import type { Db } from '../storage/dialect';
import type { LiveCaller } from './sessions.storage';

/** How long a cached caller may be used at all; the version check decides within it. */
export const SESSION_CACHE_MS = 60_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  caller: LiveCaller;
  cachedAt: number;
}

/**
 * Callers by session-token hash, for one host. A hit still costs one statement (the user's
 * `auth_version`, see `callerVersion`), so access ends at once on every host when a
 * session is revoked, a role is granted or revoked or the account is deleted; what the cache
 * saves is the three-table join and its rows. Entries live at most SESSION_CACHE_MS and the
 * oldest go first when the map is full.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  get(tokenHash: string, nowMs: number): LiveCaller | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (nowMs - entry.cachedAt > SESSION_CACHE_MS || Date.parse(entry.caller.expiresAt) <= nowMs || nowMs < entry.cachedAt) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.caller;
  }

  set(tokenHash: string, caller: LiveCaller, nowMs: number): void {
    this.entries.delete(tokenHash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { caller, cachedAt: nowMs });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Db, SessionCache>();

/** The cache of the host that owns this database handle (one per host process or test host). */
export function sessionCacheOf(db: Db): SessionCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new SessionCache()));
  return cache;
}
