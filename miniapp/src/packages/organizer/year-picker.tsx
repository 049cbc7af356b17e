import { Picker, Text, View } from '@tarojs/components'
import './year-picker.scss'

interface Props {
  /** The years offered, as the picker lists them (outreachYears(): newest first). */
  years: ReadonlyArray<number>
  value: number
  onChange: (year: number) => void
  className?: string
}

/**
 * The organizer pages' year bar: looks and reads like the county picker beside it (年份 · 2026年 ·
 * 切换 ▾), a native picker underneath. The page decides what a change means (ask first, say).
 */
export default function YearPicker({ years, value, onChange, className }: Props) {
  const index = years.indexOf(value)
  return (
    <Picker
      className={`year-picker${className ? ` ${className}` : ''}`}
      mode='selector'
      range={years.map((year) => `${year}年`)}
      value={Math.max(0, index)}
      onChange={(event) => {
        const year = years[Number(event.detail.value)]
        if (year !== undefined && year !== value) onChange(year)
      }}
    >
      <View className='year-picker__bar' hoverClass='year-picker__bar--hover'>
        <Text className='year-picker__label'>年份</Text>
        <Text className='year-picker__value'>{value}年</Text>
        <Text className='year-picker__action'>切换 ▾</Text>
      </View>
    </Picker>
  )
}
