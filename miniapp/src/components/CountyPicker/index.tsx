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
  /**
   * The first row, meaning no county (`null`): 全市 by default, 全部县区 in a filter. `null` leaves
   * it out: a form field where a county must be chosen (the bar says `placeholder` until then).
   */
  allLabel?: string | null
  /** Shown while no county is chosen and there is no first row. */
  placeholder?: string
  /** The word at the bar's left. */
  label?: string
  className?: string
}

const WHOLE_CITY = '全市'

/** A native picker over 全市 + the counties of Nanping: familiar, and big enough to hit. */
export default function CountyPicker({
  counties,
  value,
  onChange,
  status = 'ready',
  onRetry,
  allLabel = WHOLE_CITY,
  placeholder = '请选择',
  label = '地区',
  className,
}: Props) {
  const classes = className ? ` ${className}` : ''
  if (status === 'failed' && counties.length === 0) {
    // Without this the picker would silently offer 全市 alone, as if Nanping had no counties.
    return (
      <View
        className={`county-picker county-picker--failed${classes}`}
        hoverClass='county-picker--hover'
        onClick={() => onRetry?.()}
      >
        <View className='county-picker__bar'>
          <Text className='county-picker__label'>{label}</Text>
          <Text className='county-picker__value county-picker__value--failed'>{label}加载失败，点此重试</Text>
        </View>
      </View>
    )
  }

  // With a first row the counties start at row 1; without one, at row 0.
  const offset = allLabel === null ? 0 : 1
  const names = [...(allLabel === null ? [] : [allLabel]), ...counties.map((county) => county.name)]
  const found = value === null ? -1 : counties.findIndex((county) => county.code === value)
  // A county chosen before the list arrived reads 正在加载…, not 全市.
  const current =
    found >= 0 ? counties[found].name : value !== null && status === 'loading' ? '正在加载…' : allLabel ?? (status === 'loading' ? '正在加载…' : placeholder)
  const empty = found < 0 && allLabel === null

  return (
    <Picker
      className={`county-picker${classes}`}
      mode='selector'
      range={names}
      value={found >= 0 ? found + offset : 0}
      onChange={(event) => {
        const index = Number(event.detail.value) - offset
        onChange(index >= 0 ? counties[index]?.code ?? null : null)
      }}
    >
      <View className='county-picker__bar' hoverClass='county-picker__bar--hover'>
        <Text className='county-picker__label'>{label}</Text>
        <Text className={`county-picker__value${empty ? ' county-picker__value--empty' : ''}`}>{current}</Text>
        <Text className='county-picker__action'>切换 ▾</Text>
      </View>
    </Picker>
  )
}
