// Tab pages only in the main package; each domain's other pages in its subpackage, so
// the main package stays small (scripts/size.mjs holds it to its budget).
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/events/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['privacy-policy/index', 'persona/index', 'community/index', 'delete-account/index', 'invite-code/index'],
    },
    {
      root: 'packages/articles',
      pages: ['list/index', 'detail/index'],
    },
    {
      root: 'packages/petitions',
      pages: ['submit/index', 'mine/index', 'detail/index'],
    },
    {
      root: 'packages/bookings',
      pages: ['resource/index', 'book/index', 'mine/index'],
    },
    {
      root: 'packages/events',
      pages: ['detail/index', 'mine/index'],
    },
    {
      root: 'packages/honors',
      pages: ['index/index', 'list/index', 'entry/index', 'poster/index', 'nominate/index', 'nominations/index', 'thanks/index', 'thanks-write/index'],
    },
    {
      root: 'packages/volunteers',
      pages: ['hours/index', 'scan/index'],
    },
    {
      root: 'packages/elder',
      pages: ['mine/index', 'edit/index', 'card/index', 'found/index'],
    },
    {
      root: 'packages/staff',
      pages: [
        'petitions-inbox/index',
        'petitions-file/index',
        'bookings-today/index',
        'events-checkin/index',
        'thanks-received/index',
        'workbench/index',
        'reach/index',
        'share/index',
        'visits/index',
        'visit-new/index',
        'household/index',
        'report/index',
        'feedback/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '邻里通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f5f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#b3261e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab-bar/home.png', selectedIconPath: 'assets/tab-bar/home-on.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab-bar/events.png', selectedIconPath: 'assets/tab-bar/events-on.png' },
      { pagePath: 'pages/services/index', text: '服务', iconPath: 'assets/tab-bar/services.png', selectedIconPath: 'assets/tab-bar/services-on.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-bar/me.png', selectedIconPath: 'assets/tab-bar/me-on.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat disables undeclared location APIs: the petition form's map picker needs this.
  // scripts/check-weapp.ts fails a build that calls one without declaring it.
  // chooseLocation: the petition map picker; getLocation: a 防走失 finder who chooses to tell the family where they are.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '帮助走失老人回家时，把您所在的位置告诉老人的家属' } },
  // Privacy APIs wait for the resident's consent to 用户隐私保护指引 (src/privacy/privacy.ts).
  __usePrivacyCheck__: true,
  sitemapLocation: 'sitemap.json',
});
