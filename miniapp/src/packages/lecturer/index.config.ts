export default definePageConfig({
  navigationBarTitleText: '讲师工作台',
  enablePullDownRefresh: true,
})
