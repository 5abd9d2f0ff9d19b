import { timingOf, type EventTimingRow } from '../events/lib/event-view';
import crypto from 'node:crypto';
import { eventStatus, EVENT_STATUS_TEXT } from '../../types/events';
import type { WeeklyHours } from '../../types/bookings';
import type { ScreenModule, ScreenOrientation, ScreenSetting } from '../../types/screens';
import type { ScreenRow } from './screens.storage';

/** 24 random bytes, URL-safe: the part of the address that lets a screen in. */
export function newScreenKey(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function toScreenSetting(row: ScreenRow): ScreenSetting {
  return {
    id: row.id,
    communityId: row.community_id,
    communityName: row.community_name,
    name: row.name,
    orientation: row.orientation as ScreenOrientation,
    modules: JSON.parse(row.modules) as ScreenModule[],
    rotateSeconds: row.rotate_seconds,
    // In the fragment: a browser never sends it to a server, in a request or a Referer.
    path: `/screen/#${row.screen_key}`,
    updatedAt: new Date(row.updated_at),
  };
}

type EventFacts = EventTimingRow;

/** The event's status in the words residents see on their phones too. */
export function screenEventStatus(e: EventFacts, now: Date): { statusText: string; seatsLeft: number | null } {
  const status = eventStatus(timingOf(e), now);
  return {
    statusText: EVENT_STATUS_TEXT[status],
    seatsLeft: e.requires_signup === 1 && e.capacity > 0 ? Math.max(0, e.capacity - e.confirmed_count) : null,
  };
}

/** The hall's opening times on one ISO weekday: the union of its matters' hours, merged. */
export function hallHoursOn(weekday: number, hours: WeeklyHours[]): string[] {
  const key = String(weekday) as keyof WeeklyHours;
  const ranges = hours.flatMap((h) => h[key] ?? []).sort((a, b) => a.start.localeCompare(b.start));
  const merged: Array<{ start: string; end: string }> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = r.end > last.end ? r.end : last.end;
    else merged.push({ ...r });
  }
  return merged.map((r) => `${r.start}—${r.end}`);
}
