export default definePageConfig({
  navigationBarTitleText: '讲座明细',
  enablePullDownRefresh: true,
})
