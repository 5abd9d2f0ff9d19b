export default definePageConfig({
  navigationBarTitleText: '分享卡片',
  // 转发 to a chat (with shareTicket, for the group) and 分享到朋友圈.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
