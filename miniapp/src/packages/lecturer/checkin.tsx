import { View } from '@tarojs/components'
import PageRoot from '../../components/PageRoot'

// Placeholder: being built.
export default function Page() {
  return (
    <PageRoot>
      <View>入场签到</View>
    </PageRoot>
  )
}
