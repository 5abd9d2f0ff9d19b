export default definePageConfig({
  navigationBarTitleText: '防走失卡',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
