import { Picker, View, Text } from '@tarojs/components'
import './index.scss'

export interface CountyOption {
  code: string
  name: string
}

export type CountiesStatus = 'loading' | 'ready' | 'failed'

interface Props {
  counties: CountyOption[]
  /** `null` means 全市 (the whole city, no county filter). */
  value: string | null
  onChange: (code: string | null) => void
  /** How loading the counties went; a failure with no list to show turns the bar into a retry. */
  status?: CountiesStatus
  onRetry?: () => void
}

const WHOLE_CITY = '全市'

/** A native picker over 全市 + the counties of Nanping: familiar, and big enough to hit. */
export default function CountyPicker({ counties, value, onChange, status = 'ready', onRetry }: Props) {
  if (status === 'failed' && counties.length === 0) {
    // Without this the picker would silently offer 全市 alone, as if Nanping had no counties.
    return (
      <View
        className='county-picker county-picker--failed'
        hoverClass='county-picker--hover'
        onClick={() => onRetry?.()}
      >
        <View className='county-picker__bar'>
          <Text className='county-picker__label'>地区</Text>
          <Text className='county-picker__value county-picker__value--failed'>地区加载失败，点此重试</Text>
        </View>
      </View>
    )
  }

  const names = [WHOLE_CITY, ...counties.map((county) => county.name)]
  const selected = value === null ? 0 : counties.findIndex((county) => county.code === value) + 1
  const current = selected > 0 ? names[selected] : WHOLE_CITY

  return (
    <Picker
      className='county-picker'
      mode='selector'
      range={names}
      value={Math.max(selected, 0)}
      onChange={(event) => {
        const index = Number(event.detail.value)
        onChange(index > 0 ? counties[index - 1]?.code ?? null : null)
      }}
    >
      <View className='county-picker__bar' hoverClass='county-picker__bar--hover'>
        <Text className='county-picker__label'>地区</Text>
        <Text className='county-picker__value'>{current}</Text>
        <Text className='county-picker__action'>切换 ▾</Text>
      </View>
    </Picker>
  )
}
