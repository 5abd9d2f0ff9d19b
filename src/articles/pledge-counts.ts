import { useSyncExternalStore } from 'react';

/**
 * The pledge counts this reader has just seen change, so that a list opened before the
 * pledge (and come back to with 返回, which does not reload it) shows the new count too.
 * Pledges are never withdrawn, so the larger of two counts is the newer.
 */
const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

export function rememberPledgeCount(articleId: string, count: number): void {
  if ((counts.get(articleId) ?? -1) >= count) return;
  counts.set(articleId, count);
  version += 1;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The count to show for an item whose list said `listed` (null: it has no pledge). */
export function latestPledgeCount(articleId: string, listed: number | null): number | null {
  if (listed === null) return null;
  return Math.max(listed, counts.get(articleId) ?? 0);
}

export function usePledgeCount(articleId: string, listed: number | null): number | null {
  useSyncExternalStore(subscribe, () => version, () => version);
  return latestPledgeCount(articleId, listed);
}
