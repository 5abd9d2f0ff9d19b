export default definePageConfig({
  navigationBarTitleText: '感谢墙',
  enablePullDownRefresh: true,
});
