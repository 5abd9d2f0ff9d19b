export default definePageConfig({
  navigationBarTitleText: '写感谢',
});
