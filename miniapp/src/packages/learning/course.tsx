import { View } from '@tarojs/components'
import PageRoot from '../../components/PageRoot'

// Placeholder: being built.
export default function Page() {
  return (
    <PageRoot>
      <View>课程详情</View>
    </PageRoot>
  )
}
