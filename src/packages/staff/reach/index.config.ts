export default definePageConfig({
  navigationBarTitleText: '我的传播',
  enablePullDownRefresh: true,
});
