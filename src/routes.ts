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
  inviteCode: '/packages/account/invite-code/index',
  eventDetail: '/packages/events/detail/index',
  myEvents: '/packages/events/mine/index',
  staffEventsCheckin: '/packages/staff/events-checkin/index',
  articles: '/packages/articles/list/index',
  article: '/packages/articles/detail/index',
  petitionSubmit: '/packages/petitions/submit/index',
  myPetitions: '/packages/petitions/mine/index',
  petitionDetail: '/packages/petitions/detail/index',
  staffPetitionsInbox: '/packages/staff/petitions-inbox/index',
  staffPetitionsFile: '/packages/staff/petitions-file/index',
  bookingResource: '/packages/bookings/resource/index',
  bookingForm: '/packages/bookings/book/index',
  myBookings: '/packages/bookings/mine/index',
  staffBookingsToday: '/packages/staff/bookings-today/index',
  honors: '/packages/honors/index/index',
  honorList: '/packages/honors/list/index',
  // The poster's mini-program code opens this path (cloud/honors/get-poster-code.ts).
  honorEntry: '/packages/honors/entry/index',
  honorPoster: '/packages/honors/poster/index',
  honorNominate: '/packages/honors/nominate/index',
  myNominations: '/packages/honors/nominations/index',
  thanksWall: '/packages/honors/thanks/index',
  thanksWrite: '/packages/honors/thanks-write/index',
  staffThanksReceived: '/packages/staff/thanks-received/index',
  // The certificate's mini-program code opens this path (cloud/volunteers/make-certificate.ts).
  volunteerHours: '/packages/volunteers/hours/index',
  staffVolunteerScan: '/packages/volunteers/scan/index',
  elderCards: '/packages/elder/mine/index',
  elderCardEdit: '/packages/elder/edit/index',
  // The alert's message opens this path (cloud/elder-cards/elder-messages.ts).
  elderCard: '/packages/elder/card/index',
  // The card's codes open this path (cloud/elder-cards/print-elder-card.ts, cloud/host/public-links.ts).
  elderFound: '/packages/elder/found/index',
  staffWorkbench: '/packages/staff/workbench/index',
  staffReach: '/packages/staff/reach/index',
  staffShare: '/packages/staff/share/index',
  staffVisits: '/packages/staff/visits/index',
  staffVisitNew: '/packages/staff/visit-new/index',
  staffHousehold: '/packages/staff/household/index',
  gridReport: '/packages/staff/report/index',
  feedback: '/packages/staff/feedback/index',
} as const;

export type TabKey = 'home' | 'events' | 'services' | 'me';

export const TABS: readonly { key: TabKey; text: string; path: string }[] = [
  { key: 'home', text: '首页', path: ROUTES.home },
  { key: 'events', text: '活动', path: ROUTES.events },
  { key: 'services', text: '服务', path: ROUTES.services },
  { key: 'me', text: '我的', path: ROUTES.me },
];
