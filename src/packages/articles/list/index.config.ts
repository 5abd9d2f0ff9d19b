export default definePageConfig({
  navigationBarTitleText: '社区资讯',
  enablePullDownRefresh: true,
});
