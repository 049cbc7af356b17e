export default definePageConfig({
  navigationBarTitleText: '讲座管理',
})
