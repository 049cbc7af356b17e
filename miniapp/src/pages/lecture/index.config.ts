export default definePageConfig({
  navigationBarTitleText: '讲座详情',
})
