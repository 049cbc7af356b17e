export default definePageConfig({
  navigationBarTitleText: '年度目标',
  enablePullDownRefresh: false,
})
