export default definePageConfig({
  navigationBarTitleText: '家庭教育课程',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
