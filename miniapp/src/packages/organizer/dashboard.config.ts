export default definePageConfig({
  navigationBarTitleText: '五进工作统计',
  enablePullDownRefresh: true,
})
