/**
 * 志愿服务时长: volunteers sign up for an event apart from participants, staff check them in
 * and out, and the hours count from those two moments, capped by the event's own times.
 * Nothing here ranks people: a resident sees their own hours, an admin exports per person.
 */

export type VolunteerStatus = 'confirmed' | 'cancelled';

/** Where a volunteer's day stands, in the words a resident reads. */
export const VOLUNTEER_STAGE_TEXT = {
  signedUp: '已报名志愿者',
  onDuty: '服务中',
  done: '已完成服务',
  corrected: '时长已核定',
  cancelled: '已取消',
  absent: '未到岗',
} as const;
export type VolunteerStage = keyof typeof VOLUNTEER_STAGE_TEXT;

export interface VolunteerPlaces {
  eventId: string;
  /** 0 when the event takes no volunteers. */
  capacity: number;
  taken: number;
  placesLeft: number;
  /** Whether a resident may sign up now (published, not started, a place free). */
  open: boolean;
  mine: MyVolunteering | null;
}

export interface MyVolunteering {
  id: string;
  eventId: string;
  status: VolunteerStatus;
  stage: VolunteerStage;
  stageText: string;
  /** 8 characters staff scan or type, while signed up. */
  code: string | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** Counted minutes (corrected, or computed from check-in/out); null until both are known. */
  minutes: number | null;
  canCancel: boolean;
}

export interface VolunteerRecord {
  id: string;
  eventId: string;
  eventTitle: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  stage: VolunteerStage;
  stageText: string;
  minutes: number | null;
  correctionReason: string | null;
}

export interface VolunteerYear {
  year: number;
  minutes: number;
  services: number;
}

export interface MyVolunteerHours {
  years: VolunteerYear[];
  /** The chosen year's services, newest first. */
  year: number;
  records: VolunteerRecord[];
}

export interface RosterVolunteer {
  id: string;
  nickname: string;
  stage: VolunteerStage;
  stageText: string;
  code: string;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  minutes: number | null;
  computedMinutes: number | null;
  correctionReason: string | null;
}

/** 150 → "2小时30分"; 0 → "0分钟". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分`;
}

/**
 * The minutes a check-in/out counts for: only the part inside the event's own time, rounded
 * down to whole minutes. A volunteer who came early or stayed late is thanked, not paid in
 * hours; staff correct the exceptions (setting up the hall the evening before) with a reason.
 */
export function servedMinutes(span: { checkedInAt: Date; checkedOutAt: Date }, event: { startsAt: Date; endsAt: Date }): number {
  const from = Math.max(span.checkedInAt.getTime(), event.startsAt.getTime());
  const to = Math.min(span.checkedOutAt.getTime(), event.endsAt.getTime());
  return to > from ? Math.floor((to - from) / 60_000) : 0;
}
