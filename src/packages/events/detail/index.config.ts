export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The ··· menu's 转发 and the 分享给邻居 button: the card carries the sharer.
  enableShareAppMessage: true,
  // 分享到朋友圈 (onShareTimeline).
  enableShareTimeline: true,
});
