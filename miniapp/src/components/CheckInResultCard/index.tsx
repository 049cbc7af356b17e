import { Text, View } from '@tarojs/components'
import type { QueuedScan, SyncReport } from '../../services/checkin-queue'
import { pendingScanNote } from '../CheckInSyncBar/door'
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
  /** The last attempt to send the queue: why a scan still waits (no network, the server busy). */
  last?: SyncReport | null
}

/** What a code reads as on screen: a short code as is, a QR ticket as 二维码入场券. */
export function scanSubject(entry: QueuedScan): string {
  if (entry.walkInPartySize !== undefined) return '现场来宾'
  if (entry.result?.householdName) return entry.result.householdName
  if (entry.label) return entry.label
  if (entry.code) return entry.code.length <= 9 ? `入场码 ${entry.code}` : '二维码入场券'
  return '预约家庭'
}

/**
 * More people came than the household booked: the server checked it in with its booking and
 * counted the rest as walk-ins, and its message says so.
 */
export function countedExtraGuests(entry: QueuedScan): boolean {
  const asked = entry.partyPresent
  const booked = entry.result?.partySize
  return entry.state === 'done' && asked !== undefined && booked != null && asked > booked
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
export default function CheckInResultCard({ notice, entry, syncing, last = null }: Props) {
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
          <Text className='checkin-result__message'>{pendingScanNote({ duplicate: notice.duplicate, syncing, last })}</Text>
        </View>
      )
    case 'done':
      return (
        <View className='checkin-result checkin-result--done'>
          <Text className='checkin-result__title'>{walkIn ? '已登记现场来宾' : '签到成功'}</Text>
          {!walkIn && <Text className='checkin-result__subject'>{subject}</Text>}
          {people !== undefined && <Text className='checkin-result__people'>{people} 人</Text>}
          {countedExtraGuests(entry) && <Text className='checkin-result__message checkin-result__extra'>{entry.result?.message}</Text>}
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
