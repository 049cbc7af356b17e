export default definePageConfig({
  navigationBarTitleText: '家庭教育大讲堂',
  enablePullDownRefresh: true,
  // Start fetching the next page a little before the very end: fewer waits on slow networks.
  onReachBottomDistance: 200,
})
