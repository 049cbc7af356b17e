import { View, Text } from '@tarojs/components'
import type { LecturesQuery } from '../../gql/graphql'
import { formatTimeRange, seatsLabel, venueTypeLabel } from '../../utils/format'
import './index.scss'

export type LectureSummary = LecturesQuery['lectures']['edges'][number]['node']

interface Props {
  lecture: LectureSummary
  onOpen: (id: string) => void
}

/** One upcoming lecture in the home list; the whole card is the tap target. */
export default function LectureCard({ lecture, onOpen }: Props) {
  const { venue } = lecture
  const full = lecture.seatsLeft <= 0
  return (
    <View
      className='lecture-card'
      hoverClass='lecture-card--hover'
      data-id={lecture.id}
      onClick={() => onOpen(lecture.id)}
    >
      <View className='lecture-card__badges'>
        <Text className='lecture-card__venue-type'>{venueTypeLabel(venue.type)}</Text>
        {venue.isPracticeBase && <Text className='lecture-card__base'>实践基地</Text>}
      </View>
      <Text className='lecture-card__title'>{lecture.title}</Text>
      <View className='lecture-card__row'>
        <Text className='lecture-card__key'>时间</Text>
        <Text className='lecture-card__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
      </View>
      <View className='lecture-card__row'>
        <Text className='lecture-card__key'>地点</Text>
        <Text className='lecture-card__venue'>
          {venue.name}
          <Text className='lecture-card__county'>（{venue.county.name}）</Text>
        </Text>
      </View>
      <View className='lecture-card__footer'>
        <Text className={`lecture-card__seats${full ? ' lecture-card__seats--full' : ''}`}>
          {seatsLabel(lecture.seatsLeft)}
        </Text>
        <Text className='lecture-card__more'>查看详情 ›</Text>
      </View>
    </View>
  )
}
