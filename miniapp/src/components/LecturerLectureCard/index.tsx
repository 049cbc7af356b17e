import { Text, View } from '@tarojs/components'
import type { LecturerMyLecturesQuery } from '../../packages/lecturer/gql/graphql'
import { doorStillOpen } from '../CheckInSyncBar/door'
import { formatTimeRange, lecturePhase, phaseLabel } from '../../utils/format'
import LecturerStatusBadge from '../LecturerStatusBadge'
import './index.scss'

export type LecturerLecture = LecturerMyLecturesQuery['myLectures'][number]

interface Props {
  lecture: LecturerLecture
  now: Date
  onOpen: (id: string) => void
  /**
   * Shown for a published lecture until its door closes, a day after the end (late arrivals typed
   * in from a paper list, a queue synced late): straight to the door screen.
   */
  onCheckIn: (id: string) => void
}

/** One of the lecturer's own lectures: status, time, venue, seats booked of the hall's capacity. */
export default function LecturerLectureCard({ lecture, now, onOpen, onCheckIn }: Props) {
  const phase = lecturePhase(lecture.startsAt, lecture.endsAt, now)
  const phaseText = lecture.status === 'PUBLISHED' ? phaseLabel(phase) : null
  const booked = Math.max(0, lecture.capacity - lecture.seatsLeft)
  const canCheckIn = lecture.status === 'PUBLISHED' && doorStillOpen(lecture.endsAt, now)
  return (
    <View className='lecturer-card' hoverClass='lecturer-card--hover' onClick={() => onOpen(lecture.id)}>
      <View className='lecturer-card__badges'>
        <LecturerStatusBadge status={lecture.status} />
        {phaseText && <Text className={`lecturer-card__phase lecturer-card__phase--${phase}`}>{phaseText}</Text>}
        {lecture.campaignTag && <Text className='lecturer-card__tag'>{lecture.campaignTag}</Text>}
      </View>
      <Text className='lecturer-card__title'>{lecture.title}</Text>
      <View className='lecturer-card__row'>
        <Text className='lecturer-card__key'>时间</Text>
        <Text className='lecturer-card__value'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Text>
      </View>
      <View className='lecturer-card__row'>
        <Text className='lecturer-card__key'>地点</Text>
        <Text className='lecturer-card__value'>{lecture.venue.name}</Text>
      </View>
      <View className='lecturer-card__row'>
        <Text className='lecturer-card__key'>预约</Text>
        <Text className='lecturer-card__value lecturer-card__seats'>
          已约 {booked} 座 / 共 {lecture.capacity} 座
        </Text>
      </View>
      {lecture.status === 'REJECTED' && (
        <Text className='lecturer-card__reason'>未通过原因：{lecture.rejectionReason || '未说明'}</Text>
      )}
      {lecture.status === 'CANCELLED' && lecture.cancellationReason && (
        <Text className='lecturer-card__reason'>取消原因：{lecture.cancellationReason}</Text>
      )}
      <View className='lecturer-card__footer'>
        {canCheckIn ? (
          <View
            className='lecturer-card__checkin'
            hoverClass='lecturer-card__checkin--hover'
            onClick={(event) => {
              event.stopPropagation()
              onCheckIn(lecture.id)
            }}
          >
            入场签到
          </View>
        ) : (
          <View />
        )}
        <Text className='lecturer-card__more'>管理 ›</Text>
      </View>
    </View>
  )
}
