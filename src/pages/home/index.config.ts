export default definePageConfig({
  navigationBarTitleText: '邻里通',
});
