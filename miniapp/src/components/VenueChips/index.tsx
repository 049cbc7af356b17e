import { View } from '@tarojs/components'
import type { VenueType } from '../../gql/graphql'
import { VENUE_TYPES, venueTypeLabel } from '../../utils/format'
import './index.scss'

/** `null` means 全部 (no venue-type filter). */
export type VenueChoice = VenueType | null

interface Props {
  value: VenueChoice
  onChange: (value: VenueChoice) => void
}

const CHOICES: Array<{ value: VenueChoice; label: string }> = [
  { value: null, label: '全部' },
  ...VENUE_TYPES.map((type) => ({ value: type, label: venueTypeLabel(type) })),
]

/**
 * The 全部 + 五进 filter. Laid out as a 3-column grid rather than a scrolling strip:
 * older readers miss chips hidden off-screen, and every chip stays a big target.
 */
export default function VenueChips({ value, onChange }: Props) {
  return (
    <View className='venue-chips'>
      {CHOICES.map((choice) => {
        const active = choice.value === value
        const type = choice.value ?? 'ALL'
        // data-type is for the H5 DOM; weapp's WXML templates drop custom data-* attributes,
        // so the type is also a modifier class (venue-chip--village, venue-chip--all...).
        return (
          <View
            key={type}
            className={`venue-chip venue-chip--${type.toLowerCase()}${active ? ' venue-chip--active' : ''}`}
            data-type={type}
            hoverClass='venue-chip--hover'
            onClick={() => {
              if (!active) onChange(choice.value)
            }}
          >
            {choice.label}
          </View>
        )
      })}
    </View>
  )
}
