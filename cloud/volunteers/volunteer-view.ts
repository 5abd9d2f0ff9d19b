import {
  servedMinutes,
  VOLUNTEER_STAGE_TEXT,
  type MyVolunteering,
  type RosterVolunteer,
  type VolunteerStage,
  type VolunteerStatus,
} from '../../types/volunteers';
import { mayChangeVolunteering } from './volunteers.permissions';
import type { VolunteerRow } from './volunteers.storage';

type EventTimes = { state: string; starts_at: string; ends_at: string };

const dateOf = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * The minutes computed from the scans. A volunteer checked in and never checked out counts
 * until the event's end: the second scan is the one staff forget in the bustle of clearing up,
 * and the event's end caps it anyway; an admin corrects the rare case where that is wrong.
 */
export function computedMinutes(v: VolunteerRow, event: EventTimes, now: Date): number | null {
  if (v.status !== 'confirmed' || !v.checked_in_at) return null;
  const endsAt = new Date(event.ends_at);
  const out = v.checked_out_at ? new Date(v.checked_out_at) : now >= endsAt ? endsAt : null;
  if (!out) return null;
  return servedMinutes({ checkedInAt: new Date(v.checked_in_at), checkedOutAt: out }, { startsAt: new Date(event.starts_at), endsAt });
}

/** What counts: an admin's correction, else the computed minutes. */
export function countedMinutes(v: VolunteerRow, event: EventTimes, now: Date): number | null {
  return v.corrected_minutes ?? computedMinutes(v, event, now);
}

export function stageOf(v: VolunteerRow, event: EventTimes, now: Date): VolunteerStage {
  if (v.status === 'cancelled') return 'cancelled';
  if (v.corrected_minutes !== null) return 'corrected';
  if (v.checked_out_at) return 'done';
  if (v.checked_in_at) return now >= new Date(event.ends_at) ? 'done' : 'onDuty';
  return now >= new Date(event.ends_at) || event.state === 'closed' ? 'absent' : 'signedUp';
}

export function toMyVolunteering(v: VolunteerRow, event: EventTimes, now: Date): MyVolunteering {
  const stage = stageOf(v, event, now);
  return {
    id: v.id,
    eventId: v.event_id,
    status: v.status as VolunteerStatus,
    stage,
    stageText: VOLUNTEER_STAGE_TEXT[stage],
    code: v.status === 'confirmed' && !v.checked_out_at && stage !== 'absent' ? v.code : null,
    checkedInAt: dateOf(v.checked_in_at),
    checkedOutAt: dateOf(v.checked_out_at),
    minutes: countedMinutes(v, event, now),
    canCancel:
      v.status === 'confirmed' &&
      mayChangeVolunteering({ state: event.state, startsAt: new Date(event.starts_at) }, { checkedInAt: dateOf(v.checked_in_at) }, now),
  };
}

export function toRosterVolunteer(v: VolunteerRow & { nickname: string }, event: EventTimes, now: Date): RosterVolunteer {
  const stage = stageOf(v, event, now);
  return {
    id: v.id,
    nickname: v.nickname,
    stage,
    stageText: VOLUNTEER_STAGE_TEXT[stage],
    code: v.code,
    checkedInAt: dateOf(v.checked_in_at),
    checkedOutAt: dateOf(v.checked_out_at),
    minutes: countedMinutes(v, event, now),
    computedMinutes: computedMinutes(v, event, now),
    correctionReason: v.correction_reason,
  };
}

/** V + 8 characters without look-alikes: told apart from a participant's check-in code at a glance. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newVolunteerCode(random: (n: number) => Buffer): string {
  return `V${[...random(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')}`;
}
