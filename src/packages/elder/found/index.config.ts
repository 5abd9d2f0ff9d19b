export default definePageConfig({
  navigationBarTitleText: '帮老人回家',
});
