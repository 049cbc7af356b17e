import { Text } from '@tarojs/components'
import type { BookingStatus } from '../../gql/graphql'
import { bookingStatusLabel, bookingStatusTone } from '../../utils/booking'
import './index.scss'

interface Props {
  status: BookingStatus
  waitlistPosition?: number | null
}

/** 已预约 / 候补第N位 / 已取消 / 已签到 / 未到场, each in its own colour. */
export default function BookingBadge({ status, waitlistPosition }: Props) {
  return (
    <Text className={`booking-status booking-status--${bookingStatusTone(status)}`}>
      {bookingStatusLabel(status, waitlistPosition)}
    </Text>
  )
}
