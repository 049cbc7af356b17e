import { View } from '@tarojs/components'
import PageRoot from '../../components/PageRoot'

// Placeholder: being built.
export default function Page() {
  return (
    <PageRoot>
      <View>讲座管理</View>
    </PageRoot>
  )
}
