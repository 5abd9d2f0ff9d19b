export default definePageConfig({
  navigationBarTitleText: '光荣榜人物',
  // WeChat offers 转发 only on pages that say so; the card carries the sharer (see index.tsx).
  enableShareAppMessage: true,
});
