import type { HonorEntry } from '../../types/honors-model';
import { call } from '../cloud/client';
import { shareVisit } from '../platform/storage';

/**
 * Loads one profile for its page. The host counts a visit for the sharer each time
 * `sharer` is passed (with this phone's `device`), so it goes along until one load has succeeded and never again from
 * this page: reloading after signing in or liking is not another visit the card brought.
 * A failed first load keeps it for the retry.
 *
 * @example const load = entryLoader('demo-honor-husband', params.sharer); await load();
 */
export function entryLoader(
  id: string,
  sharer: string | null | undefined,
  get: (input: { id: string; sharer?: string; device?: string }) => Promise<HonorEntry> = (input) => call('honors.entry', input),
): () => Promise<HonorEntry> {
  let pendingSharer = sharer || null;
  return async () => {
    const sharerNow = pendingSharer;
    const entry = await get(sharerNow ? { id, ...shareVisit(sharerNow) } : { id });
    pendingSharer = null;
    return entry;
  };
}

/**
 * What the like button shows: the host's answer to a like replaces what was loaded, so a
 * reload is not needed to see the new count.
 */
export function withLike(entry: HonorEntry, answer: { likes: number; likedByMe: true } | null): HonorEntry {
  return answer ? { ...entry, likes: answer.likes, likedByMe: answer.likedByMe } : entry;
}
