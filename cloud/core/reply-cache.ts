import { contentVersion, type ContentName } from '../storage/content-versions';
import type { Db } from '../storage/dialect';

/** How long a kept reply may be used at all; the version and its own time limit decide within it. */
export const KEPT_REPLY_MS = 60_000;

interface Entry<V> {
  value: V;
  version: number;
  keptAt: number;
  validUntil: number;
}

/**
 * Replies one host keeps and hands to every caller who asks the same: the feed's first pages,
 * which every resident opening the home page reads and an editor changes a few times a day.
 *
 * A kept reply is used only while nothing it shows can have changed:
 * - the content's version (`content_versions`, bumped by triggers in the same transaction as
 *   any change to its rows, migration 026) is the one it was kept at: one primary-key read a
 *   request, so a change on any host is seen by every host at the next request;
 * - the time is before its own limit (the feed: the next scheduled article's time), and at
 *   most KEPT_REPLY_MS after it was kept, and not before (a clock set back).
 * The version is read before the rows a miss loads, so a change that commits between the two
 * is kept under the old version and never served: the next request sees the new version.
 * Bounded: the least recently used go first when the map is full.
 */
export class ReplyCache<V extends object> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly content: ContentName,
    private readonly maxEntries: number,
  ) {}

  /** The kept reply for `key`, or what `load` makes now (kept if it may be). */
  async get(db: Db, key: string, now: Date, load: () => Promise<{ value: V; validUntil: Date | undefined }>): Promise<V> {
    const version = await contentVersion(db, this.content);
    const nowMs = now.getTime();
    const entry = this.entries.get(key);
    if (entry && entry.version === version && nowMs < entry.validUntil && nowMs >= entry.keptAt) {
      // Most recently used last, so the map's first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    const { value, validUntil } = await load();
    if (version === undefined) {
      this.entries.delete(key);
      return value;
    }
    const kept = keptReply(value);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value: kept, version, keptAt: nowMs, validUntil: Math.min(validUntil?.getTime() ?? Infinity, nowMs + KEPT_REPLY_MS) });
    return kept;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<Db, Map<string, ReplyCache<object>>>();

/** The cache `name` of the host that owns this database handle (one per host process or test host). */
export function replyCacheOf<V extends object>(db: Db, name: string, content: ContentName, maxEntries: number): ReplyCache<V> {
  let byName = caches.get(db);
  if (!byName) caches.set(db, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = new ReplyCache<object>(content, maxEntries)));
  return cache as ReplyCache<V>;
}

/**
 * Kept replies are handed out many times: frozen (never changed after they are kept), and
 * encoded for the wire once, by the host, at the first request that sends one
 * (cloud/host/build-host.ts, `replyEncoding`).
 */
const encodings = new WeakMap<object, string | null>();

function keptReply<V extends object>(value: V): V {
  if (!encodings.has(value)) encodings.set(value, null);
  return Object.freeze(value);
}

/** A kept reply's wire encoding, made by `encode` the first time; undefined for any other value. */
export function replyEncoding(value: unknown, encode: (value: unknown) => string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const known = encodings.get(value);
  if (known === undefined) return undefined;
  if (known !== null) return known;
  const encoded = encode(value);
  encodings.set(value, encoded);
  return encoded;
}
