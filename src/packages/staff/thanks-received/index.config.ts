export default definePageConfig({
  navigationBarTitleText: '我收到的感谢',
  enablePullDownRefresh: true,
});
