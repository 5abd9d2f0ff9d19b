export default definePageConfig({
  navigationBarTitleText: '登记走访',
  enablePullDownRefresh: false,
});
