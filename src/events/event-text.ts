// From the zod-free model module: the contracts' module would bring zod into the main package.
import {
  EVENT_CATEGORIES,
  REGISTRATION_STATUS_TEXT,
  type EventCategory,
  type EventDetail,
  type EventStatus,
  type EventSummary,
  type MyRegistration,
  type Registrant,
} from '../../types/events-model';
import { ERRORS } from '../../types/errors';
import { formatDateTime, inShanghai } from '../../types/time';

const formatTime = (d: Date | string) => inShanghai(d).format('HH:mm');

export const CATEGORIES = EVENT_CATEGORIES;

/** The category filter of the 活动 tab: 全部 first. */
export const CATEGORY_FILTERS: readonly { value: EventCategory | 'all'; text: string }[] = [
  { value: 'all', text: '全部' },
  ...CATEGORIES.map((c) => ({ value: c, text: c })),
];

export type EventsWhen = 'upcoming' | 'ongoing' | 'past';
export const WHEN_FILTERS: readonly { value: EventsWhen; text: string }[] = [
  { value: 'upcoming', text: '即将开始' },
  { value: 'ongoing', text: '进行中' },
  { value: 'past', text: '已结束' },
];

/**
 * The seats line of a card, in the words a resident counts with, e.g.
 * 剩余148个名额（共150个） or 名额已满，3人在候补. `waitlistApart` when the page shows
 * the waitlist on a line of its own (the detail page).
 */
export function seatsText(
  e: Pick<EventSummary, 'requiresSignup' | 'capacity' | 'seatsLeft' | 'waitlistLength' | 'status'>,
  options: { waitlistApart?: boolean } = {},
): string {
  const over = e.status === 'ended' || e.status === 'cancelled';
  if (!e.requiresSignup) return over ? '无需报名' : e.status === 'ongoing' ? '无需报名，直接到场' : '无需报名，到时直接到场';
  if (e.seatsLeft === null) return '名额不限';
  // Once it has begun, what is left no longer matters; how big it was still does.
  if (over || e.status === 'ongoing') return `共${e.capacity}个名额`;
  if (e.seatsLeft > 0) return `剩余${e.seatsLeft}个名额（共${e.capacity}个）`;
  if (options.waitlistApart) return `名额已满（共${e.capacity}个）`;
  return e.waitlistLength > 0 ? `名额已满，${e.waitlistLength}人在候补` : '名额已满，可以排队候补';
}

/** How loudly a status shows: open to sign up, worth a look, or over. */
export type StatusTone = 'open' | 'notice' | 'quiet';
export function statusTone(status: EventStatus): StatusTone {
  if (status === 'open' || status === 'ongoing') return 'open';
  if (status === 'full' || status === 'upcoming' || status === 'noSignup') return 'notice';
  return 'quiet';
}

/** A registration that still holds a seat or a place in line. */
export function isActive(reg: MyRegistration | null): boolean {
  return reg !== null && (reg.status === 'confirmed' || reg.status === 'waitlisted');
}

/**
 * What the detail page offers, decided in one place so the buttons and the sentence under
 * them never disagree. `note` says why there is no button (or what the button leaves out).
 */
export type SignupAction =
  | { kind: 'register' }
  | { kind: 'waitlist' }
  | { kind: 'cancel'; waitlisted: boolean }
  | { kind: 'signIn'; waitlist: boolean }
  | { kind: 'none'; note: string | null };

export function signupAction(
  e: Pick<EventDetail, 'status' | 'mine' | 'signupOpensAt' | 'cancelCutoffAt' | 'cancelReason'>,
  signedIn: boolean,
): SignupAction {
  const mine = e.mine;
  if (mine && isActive(mine)) {
    if (mine.canCancel) return { kind: 'cancel', waitlisted: mine.status === 'waitlisted' };
    if (e.status === 'ended' || e.status === 'cancelled') return { kind: 'none', note: null };
    return { kind: 'none', note: `已过取消截止时间（${formatDateTime(e.cancelCutoffAt)}），如不能参加请联系社区` };
  }
  if (mine?.status === 'removed') return { kind: 'none', note: ERRORS.EVENT_REGISTRATION_REMOVED.message };
  switch (e.status) {
    case 'open':
      return signedIn ? { kind: 'register' } : { kind: 'signIn', waitlist: false };
    case 'full':
      return signedIn ? { kind: 'waitlist' } : { kind: 'signIn', waitlist: true };
    case 'upcoming':
      return { kind: 'none', note: `报名将于${formatDateTime(e.signupOpensAt)}开始，请到时再来` };
    case 'signupClosed':
      return { kind: 'none', note: '报名已经截止' };
    case 'noSignup':
      return { kind: 'none', note: '这个活动无需报名，到时直接到场参加即可' };
    case 'ongoing':
      return { kind: 'none', note: '活动正在进行中，报名已截止' };
    case 'ended':
      return { kind: 'none', note: '活动已结束' };
    case 'cancelled':
      return { kind: 'none', note: e.cancelReason ? `活动已取消：${e.cancelReason}` : '活动已取消' };
  }
}

/**
 * The check-in code in two groups of four, e.g. ['AB3D', '7KMN'], which is how it is read
 * aloud to the staff member at the door.
 */
export function codeGroups(code: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += 4) groups.push(code.slice(i, i + 4));
  return groups;
}

/**
 * What staff typed, made into the host's form: upper case, without the spaces or dashes
 * people put between the groups. The host applies the same rule; doing it here too lets
 * the field show the code the way it is printed.
 */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8);
}

/** The host's REGISTRATION_STATUS_TEXT (event-text.test.ts holds them equal). */
export const REGISTRATION_TEXT = REGISTRATION_STATUS_TEXT;

/** A registrant's line on the staff list: 已签到 09:12, 未签到, 候补第2位, 已取消. */
export function registrantStatusText(r: Pick<Registrant, 'status' | 'waitlistPosition' | 'checkedInAt'>): string {
  if (r.status === 'confirmed') return r.checkedInAt ? `已签到 ${formatTime(r.checkedInAt)}` : '已报名 · 未签到';
  if (r.status === 'waitlisted') return r.waitlistPosition ? `候补第${r.waitlistPosition}位` : REGISTRATION_TEXT.waitlisted;
  return REGISTRATION_TEXT[r.status];
}
