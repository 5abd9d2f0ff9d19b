export default definePageConfig({
  navigationBarTitleText: '光荣榜海报',
});
