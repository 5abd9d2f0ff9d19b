export default definePageConfig({
  navigationBarTitleText: '登记防走失卡',
});
