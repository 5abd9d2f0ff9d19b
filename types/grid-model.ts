import type { PetitionStatus } from './petitions-model';

/**
 * The grid workers' workbench (网格员工作台), zod-free so the mini-program can import it.
 * Everything here obeys 国办函〔2026〕12号: a worker's reach is for that worker alone, no
 * ranking or comparison of workers anywhere, no quotas, photos and places never required.
 */

export type ShareTargetKind = 'event' | 'article' | 'honor';

/** The workbench's tools, grouped; each page shows the ones the roles allow. */
export const WORKBENCH_GROUPS = [
  { title: '走访与上报', tools: ['visits', 'report'] },
  { title: '活动与预约', tools: ['checkin', 'bookings'] },
  { title: '诉求代办', tools: ['fileOnBehalf', 'inbox'] },
  { title: '传播', tools: ['reach'] },
  { title: '意见', tools: ['feedback'] },
] as const;
export type WorkbenchTool = (typeof WORKBENCH_GROUPS)[number]['tools'][number];

export interface GridRef {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
}

export interface Workbench {
  grids: GridRef[];
  tools: WorkbenchTool[];
  /** Visits marked 需跟进 that are not yet a petition: a reminder, not a quota. */
  openFollowUps: number;
}

/** What a share card needs on the mini-program side. */
export interface PreparedCard {
  title: string;
  /** Page path with the sharer, for onShareAppMessage. */
  path: string;
  /** Query for onShareTimeline (朋友圈 opens the page with it). */
  timelineQuery: string;
  /** The 5:4 card image the host draws. */
  imageUrl: string;
  /** For an event with sign-up: the 动态消息 to pass to updateShareMenu. */
  live: { activityId: string; expiresAt: Date; parameters: Array<{ name: 'member_count' | 'room_limit'; value: string }> } | null;
}

export interface GroupReach {
  opengid: string;
  /** The worker's own label, or null: WeChat never tells group names and we never guess. */
  label: string | null;
  opens: number;
  newResidents: number;
  signups: number;
  bookings: number;
}

export interface ShareReachDetail {
  targetKind: ShareTargetKind;
  targetId: string;
  title: string;
  /** Every opening of the card by someone else, in a group or not. */
  opens: number;
  signups: number;
  groups: GroupReach[];
  firstOpenedAt: Date | null;
}

/** 我的传播: only ever the caller's own. */
export interface MyReach {
  shares: ShareReachDetail[];
  /** Openings of my cards a day, the last 14 days (Asia/Shanghai). */
  days: Array<{ day: string; opens: number }>;
}

/** A community's totals for admins: never per person, never ranked. */
export interface CommunityTotals {
  communityId: string;
  communityName: string;
  sharedCards: number;
  groupsReached: number;
  opens: number;
  newResidents: number;
  signups: number;
  visits: number;
  followUps: number;
  reports: number;
}

export interface HouseholdSummary {
  id: string;
  gridId: string;
  /** Masked: the room number hidden. */
  address: string;
  /** Masked: 王*兰. */
  headName: string;
  visits: number;
  lastVisitOn: string | null;
}

export interface HouseholdDetail {
  id: string;
  gridId: string;
  gridName: string;
  address: string;
  headName: string;
  phone: string | null;
  note: string;
  visits: VisitView[];
}

export interface VisitView {
  id: string;
  householdId: string;
  /** Masked in lists. */
  address: string;
  visitedOn: string;
  raised: string;
  followUp: boolean;
  petitionId: string | null;
  petitionStatus: PetitionStatus | null;
  byMe: boolean;
}

export interface NearbyReport {
  petitionId: string;
  title: string;
  place: string;
  /** Metres, or null when matched by the typed address alone. */
  distance: number | null;
  createdAt: Date;
  statusText: string;
}

export const FEEDBACK_KINDS = ['投诉', '建议'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export interface FeedbackItem {
  id: string;
  kind: FeedbackKind;
  body: string;
  fromName: string;
  createdAt: Date;
}

export interface GridRoster {
  communityId: string;
  grids: Array<{ id: string; name: string; households: number; workers: Array<{ id: string; name: string }> }>;
  /** Holders of 网格员 in the community, who may be assigned. */
  candidates: Array<{ id: string; name: string }>;
}

export interface ImportReport {
  rows: number;
  created: number;
  updated: number;
  errors: Array<{ row: number; message: string }>;
  applied: boolean;
}

/** Metres within which, and days within which, a 随手拍 counts as a possible duplicate. */
export const DUPLICATE_RADIUS_M = 100;
export const DUPLICATE_DAYS = 7;

/**
 * 3号楼2单元301室 → 3号楼2单元3**室: in lists the room number shows only its floor, enough
 * (with the masked name) to tell neighbours apart, not enough to find the door.
 */
export function maskAddress(address: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(address);
  if (!m || m[1]!.length === 0) return address.length > 4 ? `${address.slice(0, 4)}***` : '***';
  const room = m[2]!;
  return `${m[1]}${room.length > 1 ? room[0] + '*'.repeat(room.length - 1) : '*'}${m[3]}`;
}

/** 王秀兰 → 王*兰, 张伟 → 张*. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * The mini-program page (no leading slash) each share card opens, from the chat or from a
 * live card's 进入. The host writes these into WeChat; `npm run check:weapp` checks that a
 * build has each of them, since a card in a group chat cannot be taken back.
 */
export const CARD_PAGES: Record<ShareTargetKind, string> = {
  event: 'packages/events/detail/index',
  article: 'packages/articles/detail/index',
  honor: 'packages/honors/entry/index',
};
