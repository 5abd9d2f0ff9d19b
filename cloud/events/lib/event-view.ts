import {
  EVENT_STATUS_TEXT,
  eventStatus,
  REGISTRATION_STATUS_TEXT,
  type EventCategory,
  type EventSummary,
  type EventTiming,
  type MyRegistration,
  type RegistrationStatus,
} from '../../../types/events';
import type { EventsTable } from '../../storage/schema';
import type { EventRow, EventSummaryRow, RegistrationRow } from '../events.storage';

/** The columns an event's status is computed from (an events row, or a join that carries them). */
export type EventTimingRow = Pick<EventsTable, 'state' | 'requires_signup' | 'starts_at' | 'ends_at' | 'signup_opens_at' | 'signup_closes_at' | 'capacity' | 'confirmed_count'>;

/** The one place a stored event becomes the timing `eventStatus` reads (lists, share cards, live cards, screens). */
export function timingOf(row: EventTimingRow): EventTiming {
  return {
    state: row.state as EventTiming['state'],
    requiresSignup: row.requires_signup === 1,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    signupOpensAt: new Date(row.signup_opens_at),
    signupClosesAt: new Date(row.signup_closes_at),
    capacity: row.capacity,
    confirmedCount: row.confirmed_count,
  };
}

/**
 * The first time after `now` at which one of these events shows differently: a time
 * `eventStatus` (types/events-model.ts) reads (sign-up opens or closes, it starts, it ends),
 * and its start is also when it leaves the upcoming list. As stored, compared as text with the
 * ISO time, as the list's query compares `starts_at`; undefined when none is ahead.
 */
export function nextStatusChange(rows: readonly EventTimingRow[], now: Date): string | undefined {
  const at = now.toISOString();
  let next: string | undefined;
  for (const r of rows) {
    for (const t of [r.signup_opens_at, r.signup_closes_at, r.starts_at, r.ends_at]) {
      if (t > at && (next === undefined || t < next)) next = t;
    }
  }
  return next;
}

export function toEventSummary(row: EventSummaryRow, now: Date): EventSummary {
  const timing = timingOf(row);
  const status = eventStatus(timing, now);
  return {
    id: row.id,
    title: row.title,
    category: row.category as EventCategory,
    scopeId: row.scope_id,
    scopeName: row.scope_name,
    venue: row.venue,
    // The timing's own: each stored time read into a Date once (~0.3 µs a parse, six a row).
    startsAt: timing.startsAt,
    endsAt: timing.endsAt,
    capacity: row.capacity,
    seatsLeft: row.capacity > 0 ? Math.max(0, row.capacity - row.confirmed_count) : null,
    waitlistLength: row.waitlist_length,
    requiresSignup: row.requires_signup === 1,
    status,
    statusText: EVENT_STATUS_TEXT[status],
  };
}

/** `nowIso` is `now` as ISO text, which a list makes once for all its rows. */
export function toMyRegistration(
  reg: Pick<RegistrationRow, 'id' | 'status' | 'checkin_code' | 'checked_in_at'>,
  event: Pick<EventRow, 'cancel_cutoff_at' | 'state'>,
  position: number | null,
  now: Date,
  nowIso: string = now.toISOString(),
): MyRegistration {
  const status = reg.status as RegistrationStatus;
  return {
    id: reg.id,
    status,
    statusText: status === 'waitlisted' && position ? `候补第${position}位` : REGISTRATION_STATUS_TEXT[status],
    waitlistPosition: position,
    checkinCode: status === 'confirmed' ? reg.checkin_code : null,
    checkedInAt: reg.checked_in_at ? new Date(reg.checked_in_at) : null,
    canCancel: (status === 'confirmed' || status === 'waitlisted') && event.state === 'published' && nowIso < event.cancel_cutoff_at,
  };
}

/** 8 characters without look-alikes (no 0/O, 1/I/L), easy to read out and type. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newCheckinCode(random: (n: number) => Buffer): string {
  return [...random(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}
