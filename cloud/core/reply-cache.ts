import { contentVersion, type ContentName, type ContentVersions } from '../storage/content-versions';
import { encodeCursor } from './cursor';
import type { Db } from '../storage/dialect';

/** How long a kept value may be used at all; the version and its own time limit decide within it. */
export const KEPT_REPLY_MS = 60_000;

interface Entry<V> {
  value: V;
  version: number;
  keptAt: number;
  /** ISO time before which it is valid; '' when no time of its own limits it. */
  validBefore: string;
}

/**
 * What one host keeps to answer every caller who asks the same: the first pages of the feed
 * and of the upcoming events, which every resident opening the mini-program reads and an
 * editor or a sign-up changes now and then.
 *
 * A kept value is used only while nothing it shows can have changed:
 * - the content's version (`content_versions`, bumped by triggers in the same transaction as
 *   any change to its rows, migration 026) is the one it was kept at: one statement a request
 *   (a sum over 16 rows), so a change on any host is seen by every host at the next request;
 * - the time is before its own limit (the feed: the next scheduled article's `publish_at`,
 *   compared as text with the ISO time as the feed's query compares it), at most KEPT_REPLY_MS
 *   after it was kept, and not before (a clock set back).
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

  /**
   * The kept value for `key` (if `serves` it), or what `load` makes now (kept if it may be, in
   * its place); `kept` tells which it is now. `known`: the versions this request already read
   * (with its session check, FunctionContext.contentVersions), used instead of reading again.
   */
  async get(
    db: Db,
    key: string,
    now: Date,
    load: () => Promise<{ value: V; validBefore: string | undefined }>,
    serves: (value: V) => boolean = () => true,
    known?: ContentVersions,
  ): Promise<{ value: V; kept: boolean }> {
    const version = known ? known[this.content] : await contentVersion(db, this.content);
    const nowMs = now.getTime();
    const entry = this.entries.get(key);
    if (
      entry &&
      entry.version === version &&
      nowMs >= entry.keptAt &&
      nowMs - entry.keptAt < KEPT_REPLY_MS &&
      (!entry.validBefore || now.toISOString() < entry.validBefore) &&
      serves(entry.value)
    ) {
      // Most recently used last, so the map's first key is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return { value: entry.value, kept: true };
    }
    const { value, validBefore } = await load();
    if (version === undefined) return { value, kept: false };
    // Two misses of one key at once: one at the same version that serves this request too (a
    // larger top) is not replaced. (An older version may replace a newer: the next request
    // sees the version differ and reads again.)
    const current = this.entries.get(key);
    if (current && current !== entry && current.version === version && serves(current.value)) return { value, kept: false };
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, version, keptAt: nowMs, validBefore: validBefore ?? '' });
    return { value, kept: true };
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
 * A reply handed out many times is encoded for the wire once, by the host, at the first
 * request that sends it (cloud/host/build-host.ts, `replyEncoding`); it must never be changed
 * after it is marked. Marked replies are kept only as long as whoever keeps them.
 */
const encodings = new WeakMap<object, unknown>();

export function keptReply<V extends object>(value: V): V {
  if (!encodings.has(value)) encodings.set(value, null);
  return value;
}

/** A kept reply's wire encoding, made by `encode` the first time; undefined for any other value. */
export function replyEncoding<E>(value: unknown, encode: (value: unknown) => E): E | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const known = encodings.get(value);
  if (known === undefined) return undefined;
  if (known !== null) return known as E;
  const encoded = encode(value);
  encodings.set(value, encoded);
  return encoded;
}

/**
 * The top of one list: the first rows, one more than the largest page asked of it so far (21
 * for the usual page of 20), so every first page up to that size is cut from it as `pageOf`
 * would make it; a larger page asked later reads a larger top in its place. The pages cut are
 * kept encoded (a few sizes: the mini-program asks for two or three).
 */
export interface KeptTop<Item> {
  items: readonly Item[];
  cursors: readonly string[];
  /** All of the list (fewer rows than were asked for). */
  whole: boolean;
  pages: Map<number, { items: Item[]; nextCursor: string | null }>;
}

const PAGES_KEPT_A_TOP = 4;
/** The rows a top holds at least: a page of the usual 20 and one more. */
export const TOP_ROWS = 21;

/** The rows to read for a top that serves a page of `limit`. */
export function topRowsFor(limit: number): number {
  return Math.max(TOP_ROWS, limit + 1);
}

/** Whether a top can serve a first page of `limit` (it holds a row past it, or all there is). */
export function topServes<Item>(top: KeptTop<Item>, limit: number): boolean {
  return top.whole || top.items.length > limit;
}

/** A top of `rows` read as the first `asked` of the list, each row's item and cursor made now. */
export function keptTop<Row, Item>(rows: readonly Row[], asked: number, toItem: (row: Row) => Item, sortValues: (row: Row) => Array<string | number>): KeptTop<Item> {
  return {
    items: Object.freeze(rows.map((r) => Object.freeze(toItem(r)))),
    cursors: Object.freeze(rows.map((r) => encodeCursor(sortValues(r)))),
    whole: rows.length < asked,
    pages: new Map(),
  };
}

/** The first `limit` items of a top, with the cursor after them; encoded once while the top is kept. */
export function firstPageOf<Item>(top: KeptTop<Item>, limit: number, topKept: boolean): { items: Item[]; nextCursor: string | null } {
  const known = top.pages.get(limit);
  if (known) return known;
  const page = { items: top.items.slice(0, limit), nextCursor: top.items.length > limit ? top.cursors[limit - 1]! : null };
  if (!topKept || top.pages.size >= PAGES_KEPT_A_TOP) return page;
  top.pages.set(limit, keptReply(page));
  return page;
}
