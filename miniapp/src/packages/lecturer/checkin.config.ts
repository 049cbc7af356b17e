export default definePageConfig({
  navigationBarTitleText: '入场签到',
})
