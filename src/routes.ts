/** Every page's path, so a renamed page breaks the type check instead of a tap. */
export const ROUTES = {
  home: '/pages/home/index',
  events: '/pages/events/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  privacyPolicy: '/packages/account/privacy-policy/index',
  persona: '/packages/account/persona/index',
  community: '/packages/account/community/index',
  deleteAccount: '/packages/account/delete-account/index',
} as const;

export type TabKey = 'home' | 'events' | 'services' | 'me';

export const TABS: readonly { key: TabKey; text: string; path: string }[] = [
  { key: 'home', text: '首页', path: ROUTES.home },
  { key: 'events', text: '活动', path: ROUTES.events },
  { key: 'services', text: '服务', path: ROUTES.services },
  { key: 'me', text: '我的', path: ROUTES.me },
];
