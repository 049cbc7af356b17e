import { View, Text } from '@tarojs/components'
import './index.scss'

// What this tab will hold. Plain words, no made-up records: nothing here is live yet.
const COMING = [
  { title: '微信登录', text: '用微信一键登录，不用记密码。' },
  { title: '我的预约与入场券', text: '查看预约过的讲座，入场时出示入场券。' },
  { title: '课程学习进度', text: '记住您学到哪一节，下次接着学。' },
  { title: '设置', text: '大字模式等，让字更大、看得更清楚。' },
]

export default function MinePage() {
  return (
    <View className='mine-placeholder'>
      <Text className='mine-placeholder__title'>这一页正在建设中</Text>
      <Text className='mine-placeholder__lead'>很快就能使用，这里会有：</Text>
      {COMING.map((item) => (
        <View key={item.title} className='mine-placeholder__item'>
          <Text className='mine-placeholder__item-title'>{item.title}</Text>
          <Text className='mine-placeholder__item-text'>{item.text}</Text>
        </View>
      ))}
    </View>
  )
}
