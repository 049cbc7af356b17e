import { Text, View } from '@tarojs/components'
import type { QueuedScan } from '../../services/checkin-queue'
import { formatTime } from '../../utils/format'
import './index.scss'

export type CheckInNotice =
  /** The phone refused it before queueing (not a ticket code at all). */
  | { kind: 'invalid'; message: string }
  /** A scan in the queue: its card follows the entry as the server answers. */
  | { kind: 'scan'; clientScanId: string; duplicate: boolean }

interface Props {
  notice: CheckInNotice | null
  /** The entry the notice names (looked up in the queue by the page); gone once dismissed. */
  entry: QueuedScan | null
  syncing: boolean
}

/** What a code reads as on screen: a short code as is, a QR ticket as 二维码入场券. */
export function scanSubject(entry: QueuedScan): string {
  if (entry.walkInPartySize !== undefined) return '现场来宾'
  if (entry.result?.householdName) return entry.result.householdName
  if (entry.label) return entry.label
  if (entry.code) return entry.code.length <= 9 ? `入场码 ${entry.code}` : '二维码入场券'
  return '预约家庭'
}

/** People the answer counts: those present, else the booked party, else the walk-in's size. */
export function peopleOf(entry: QueuedScan): number | undefined {
  return entry.result?.partyPresent ?? entry.result?.partySize ?? entry.walkInPartySize ?? entry.partyPresent
}

/**
 * The answer to the last check-in, big enough to read at arm's length: 签到成功 (green),
 * 已于 HH:mm 签到 (a notice, gold: nothing is wrong, nothing counted twice), 未能签到 with the
 * reason (red), or 已记下，待同步 while the phone has no network.
 */
export default function CheckInResultCard({ notice, entry, syncing }: Props) {
  if (!notice) return null
  if (notice.kind === 'invalid') {
    return (
      <View className='checkin-result checkin-result--refused'>
        <Text className='checkin-result__title'>入场码不对</Text>
        <Text className='checkin-result__message'>{notice.message}</Text>
      </View>
    )
  }
  if (!entry) return null
  const people = peopleOf(entry)
  const subject = scanSubject(entry)
  const walkIn = entry.walkInPartySize !== undefined

  switch (entry.state) {
    case 'pending':
      return (
        <View className='checkin-result checkin-result--pending'>
          <Text className='checkin-result__title'>{syncing ? '正在签到…' : '已记下，待同步'}</Text>
          <Text className='checkin-result__subject'>{subject}</Text>
          <Text className='checkin-result__message'>
            {notice.duplicate
              ? '这张券已经在待同步的记录里，不会重复记录。'
              : syncing
                ? '正在送到服务器…'
                : '网络恢复后会自动同步，不会重复计数。'}
          </Text>
        </View>
      )
    case 'done':
      return (
        <View className='checkin-result checkin-result--done'>
          <Text className='checkin-result__title'>{walkIn ? '已登记现场来宾' : '签到成功'}</Text>
          {!walkIn && <Text className='checkin-result__subject'>{subject}</Text>}
          {people !== undefined && <Text className='checkin-result__people'>{people} 人</Text>}
        </View>
      )
    case 'already': {
      const at = entry.result?.checkedInAt ? formatTime(entry.result.checkedInAt) : ''
      return (
        <View className='checkin-result checkin-result--already'>
          <Text className='checkin-result__title'>{at ? `已于 ${at} 签到` : entry.result?.message || '已经签到过了'}</Text>
          <Text className='checkin-result__subject'>{subject}</Text>
          <Text className='checkin-result__message'>
            {people !== undefined ? `当时到场 ${people} 人。` : ''}这次不重复计数。
          </Text>
        </View>
      )
    }
    default:
      return (
        <View className='checkin-result checkin-result--refused'>
          <Text className='checkin-result__title'>未能签到</Text>
          <Text className='checkin-result__message'>{entry.result?.message || '这张入场券不能用于本场讲座'}</Text>
          <Text className='checkin-result__subject'>{subject}</Text>
        </View>
      )
  }
}
