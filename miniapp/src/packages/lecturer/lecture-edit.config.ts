export default definePageConfig({
  navigationBarTitleText: '申报讲座',
})
