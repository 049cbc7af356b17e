export default definePageConfig({
  navigationBarTitleText: '场地',
  enablePullDownRefresh: false,
})
