export default definePageConfig({
  navigationBarTitleText: '我的课程',
  // Pull down to see an organizer's decision without leaving the page.
  enablePullDownRefresh: true,
})
