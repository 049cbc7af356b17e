import { View, Text } from '@tarojs/components'
import type { LecturesQuery } from '../../gql/graphql'
import { countySuffix, formatTimeRange, lecturePhase, phaseLabel, seatsLabel, venueTypeLabel } from '../../utils/format'
import './index.scss'

export type LectureSummary = LecturesQuery['lectures']['edges'][number]['node']

interface Props {
  lecture: LectureSummary
  onOpen: (id: string) => void
  /** The clock the 进行中 / 已结束 badge and the year are judged by. */
  now: Date
}

/** One lecture in the home list; the whole card is the tap target. */
export default function LectureCard({ lecture, onOpen, now }: Props) {
  const { venue } = lecture
  const full = lecture.seatsLeft <= 0
  const phase = lecturePhase(lecture.startsAt, lecture.endsAt, now)
  const phaseText = phaseLabel(phase)
  const county = countySuffix(venue.name, venue.county.name)
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
        {phaseText && <Text className={`lecture-card__phase lecture-card__phase--${phase}`}>{phaseText}</Text>}
      </View>
      <Text className='lecture-card__title'>{lecture.title}</Text>
      <View className='lecture-card__row'>
        <Text className='lecture-card__key'>时间</Text>
        <Text className='lecture-card__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Text>
      </View>
      <View className='lecture-card__row'>
        <Text className='lecture-card__key'>地点</Text>
        <Text className='lecture-card__venue'>
          {venue.name}
          {county && <Text className='lecture-card__county'>{county}</Text>}
        </Text>
      </View>
      <View className='lecture-card__footer'>
        {/* Seats left mean nothing once it is over; the 已结束 badge above says so. */}
        {phase !== 'ended' && (
          <Text className={`lecture-card__seats${full ? ' lecture-card__seats--full' : ''}`}>
            {seatsLabel(lecture.seatsLeft)}
          </Text>
        )}
        <Text className='lecture-card__more'>查看详情 ›</Text>
      </View>
    </View>
  )
}
