export default definePageConfig({
  navigationBarTitleText: '走访登记',
  enablePullDownRefresh: true,
});
