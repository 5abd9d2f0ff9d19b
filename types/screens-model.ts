/**
 * 大屏: the service centre's screen (东方社区 played its water-saving campaign on an LED
 * screen). A public page per community, reached by a secret URL set in the console: only
 * public data, large type, rotating panels, still showing the last content when the network
 * drops.
 */

export const SCREEN_MODULES = ['notices', 'events', 'rooms', 'hall', 'honors'] as const;
export type ScreenModule = (typeof SCREEN_MODULES)[number];
export const SCREEN_MODULE_TEXT: Record<ScreenModule, string> = {
  notices: '置顶通知与倡议',
  events: '今日与本周活动',
  rooms: '今日功能室使用',
  hall: '便民服务大厅',
  honors: '最新光荣榜',
};

export const SCREEN_ORIENTATIONS = ['landscape', 'portrait'] as const;
export type ScreenOrientation = (typeof SCREEN_ORIENTATIONS)[number];
export const SCREEN_ORIENTATION_TEXT: Record<ScreenOrientation, string> = { landscape: '横屏 1920×1080', portrait: '竖屏 1080×1920' };

/** How often the page asks for fresh content, and after how long without it the page says 网络中断. */
export const SCREEN_REFRESH_MS = 60_000;
export const SCREEN_STALE_MS = 3 * SCREEN_REFRESH_MS;

export interface ScreenNotice {
  id: string;
  title: string;
  category: string;
  summary: string;
  /** For campaigns (倡议) with a pledge: its wording and how many have pledged. */
  pledge: { prompt: string; count: number } | null;
}

export interface ScreenEvent {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  /** null when unlimited or no sign-up is needed. */
  seatsLeft: number | null;
  statusText: string;
}

export interface ScreenRoom {
  name: string;
  /** Today's booked times; who booked and why stay private. */
  uses: Array<{ startsAt: Date; endsAt: Date }>;
}

export interface ScreenHall {
  centerName: string;
  address: string;
  phone: string | null;
  /** e.g. ["08:30—12:00", "14:30—17:30"]; empty on a closed day. */
  hoursToday: string[];
  services: string[];
}

export interface ScreenHonors {
  title: string;
  year: number;
  entries: Array<{ name: string; category: string }>;
}

export interface ScreenContent {
  name: string;
  communityName: string;
  orientation: ScreenOrientation;
  rotateSeconds: number;
  modules: ScreenModule[];
  generatedAt: Date;
  notices: ScreenNotice[];
  events: { today: ScreenEvent[]; week: ScreenEvent[] };
  rooms: ScreenRoom[];
  hall: ScreenHall | null;
  honors: ScreenHonors | null;
}

export interface ScreenSetting {
  id: string;
  communityId: string;
  communityName: string;
  name: string;
  orientation: ScreenOrientation;
  modules: ScreenModule[];
  rotateSeconds: number;
  /** The path to open on the screen's browser: /screen/#<key>. */
  path: string;
  updatedAt: Date;
}
