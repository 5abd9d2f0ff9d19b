import type { ScreenContent } from '../../../types/screens-model';
import { SCREEN_REFRESH_MS, SCREEN_STALE_MS } from '../../../types/screens-model';
import { getAV } from '../../console/src/sdk/av';

/** Where the last good content is kept, so a reload while the network is down still shows it. */
const storageKey = (key: string) => `linli-screen:${key}`;

export interface Stored {
  content: ScreenContent;
  /** When this browser last got it from the host (ms). */
  receivedAt: number;
}

export function loadStored(key: string): Stored | null {
  try {
    const raw = localStorage.getItem(storageKey(key));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Stored;
    return { ...parsed, content: reviveDates(parsed.content) };
  } catch {
    return null;
  }
}

export function store(key: string, content: ScreenContent, receivedAt: number): void {
  try {
    localStorage.setItem(storageKey(key), JSON.stringify({ content, receivedAt }));
  } catch {
    // A full or disabled storage only costs the reload case.
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function reviveDates<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v) => (typeof v === 'string' && ISO.test(v) ? new Date(v) : v)) as T;
}

export async function fetchContent(key: string): Promise<ScreenContent> {
  return (await getAV().Cloud.run('screens.show', { key })) as ScreenContent;
}

/**
 * How often to refresh, and when to call the content stale. A screen opened with
 * `?refresh=<ms>&stale=<ms>` (at least a second each) uses those: the browser tests do.
 */
export function timings(search: string): { refreshMs: number; staleMs: number } {
  const params = new URLSearchParams(search);
  const read = (name: string, fallback: number) => {
    const v = Number(params.get(name));
    return Number.isFinite(v) && v >= 1000 ? v : fallback;
  };
  return { refreshMs: read('refresh', SCREEN_REFRESH_MS), staleMs: read('stale', SCREEN_STALE_MS) };
}
