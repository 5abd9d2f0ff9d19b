export default definePageConfig({
  navigationBarTitleText: '办理进度',
  enablePullDownRefresh: true,
});
