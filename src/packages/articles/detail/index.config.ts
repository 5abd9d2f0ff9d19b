export default definePageConfig({
  navigationBarTitleText: '资讯详情',
  // WeChat offers 转发 only on pages that say so; the card carries the sharer (see index.tsx).
  enableShareAppMessage: true,
  // 分享到朋友圈 (onShareTimeline).
  enableShareTimeline: true,
});
