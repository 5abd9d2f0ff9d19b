export const EVENT_CATEGORIES = ['义诊', '讲座', '文体活动', '志愿服务', '宣传', '党课'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

/** What a resident sees on every event card, computed by eventStatus() and nowhere else. */
export const EVENT_STATUS_TEXT = {
  upcoming: '即将开放报名',
  open: '报名中',
  full: '已满·可候补',
  signupClosed: '报名截止',
  noSignup: '无需报名',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
} as const;
export type EventStatus = keyof typeof EVENT_STATUS_TEXT;

export interface EventTiming {
  state: 'draft' | 'published' | 'cancelled' | 'closed';
  requiresSignup: boolean;
  startsAt: Date;
  endsAt: Date;
  signupOpensAt: Date;
  signupClosesAt: Date;
  capacity: number;
  confirmedCount: number;
}

/** The one place an event's status is decided. */
export function eventStatus(e: EventTiming, now: Date): EventStatus {
  if (e.state === 'cancelled') return 'cancelled';
  if (e.state === 'closed' || now >= e.endsAt) return 'ended';
  if (now >= e.startsAt) return 'ongoing';
  if (!e.requiresSignup) return 'noSignup';
  if (now < e.signupOpensAt) return 'upcoming';
  if (now >= e.signupClosesAt) return 'signupClosed';
  if (e.capacity > 0 && e.confirmedCount >= e.capacity) return 'full';
  return 'open';
}

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled' | 'removed';
export const REGISTRATION_STATUS_TEXT: Record<RegistrationStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  removed: '已被移出',
};

export interface EventSummary {
  id: string;
  title: string;
  category: EventCategory;
  scopeId: string;
  scopeName: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** null when unlimited. */
  seatsLeft: number | null;
  waitlistLength: number;
  requiresSignup: boolean;
  status: EventStatus;
  statusText: string;
}

export interface MyRegistration {
  id: string;
  status: RegistrationStatus;
  statusText: string;
  /** 1-based place in the waitlist while waitlisted. */
  waitlistPosition: number | null;
  /** 8 characters, shown with its QR code while confirmed. */
  checkinCode: string | null;
  checkedInAt: Date | null;
  /** Whether the cancellation cut-off has not passed yet. */
  canCancel: boolean;
}

export interface EventDetail extends EventSummary {
  description: string;
  organizer: string;
  partners: string[];
  signupOpensAt: Date;
  signupClosesAt: Date;
  cancelCutoffAt: Date;
  state: EventTiming['state'];
  attendance: number | null;
  residentsServed: number | null;
  cancelReason: string | null;
  mine: MyRegistration | null;
  /** Subscribe-message templates to ask for when the resident taps 报名 (at most 3). */
  reminderTemplateIds: string[];
  canManage: boolean;
}

export interface Registrant {
  registrationId: string;
  nickname: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  checkinCode: string | null;
  checkedInAt: Date | null;
  registeredAt: Date;
  /** The grid worker whose share card it came through, if any. */
  sharedByName: string | null;
  /** Whether an 活动变更 message (a change or cancellation) can reach them now. */
  notifiable: boolean;
}
