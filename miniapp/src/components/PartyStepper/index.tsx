import type { Dispatch, SetStateAction } from 'react'
import { Text, View } from '@tarojs/components'
import { partySizeLimit, stepPartySize } from '../../utils/booking'
import './index.scss'

interface Props {
  value: number
  maxPartySize: number
  /** A state setter: steps apply to the latest value, so quick double taps both count. */
  onChange: Dispatch<SetStateAction<number>>
}

/** How many of the household come: big − and + around a big number, 1 to the lecture's limit. */
export default function PartyStepper({ value, maxPartySize, onChange }: Props) {
  const max = partySizeLimit(maxPartySize)
  const atMin = value <= 1
  const atMax = value >= max
  const step = (by: number) => onChange((current) => stepPartySize(current, by, max))
  return (
    <View className='party-stepper'>
      <View
        className={`party-stepper__button party-stepper__minus${atMin ? ' party-stepper__button--disabled' : ''}`}
        hoverClass={atMin ? 'none' : 'party-stepper__button--hover'}
        onClick={() => step(-1)}
      >
        −
      </View>
      <View className='party-stepper__count'>
        <Text className='party-stepper__value'>{value}</Text>
        <Text className='party-stepper__unit'>位</Text>
      </View>
      <View
        className={`party-stepper__button party-stepper__plus${atMax ? ' party-stepper__button--disabled' : ''}`}
        hoverClass={atMax ? 'none' : 'party-stepper__button--hover'}
        onClick={() => step(1)}
      >
        +
      </View>
    </View>
  )
}
