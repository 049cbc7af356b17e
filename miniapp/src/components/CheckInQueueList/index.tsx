import { Text, View } from '@tarojs/components'
import type { QueuedScan } from '../../services/checkin-queue'
import { formatTime } from '../../utils/format'
import { peopleOf, scanSubject } from '../CheckInResultCard'
import './index.scss'

interface Props {
  pending: QueuedScan[]
  refused: QueuedScan[]
  answered: QueuedScan[]
  /** Scans another account made on this phone that still wait: only that account can send them. */
  othersPending?: QueuedScan[]
  onDismiss: (clientScanId: string) => void
}

/**
 * The phone's record at the door: refusals first (they stay, with the reason, until 知道了),
 * then what waits for the network, then the latest answered scans.
 */
export default function CheckInQueueList({ pending, refused, answered, othersPending = [], onDismiss }: Props) {
  if (pending.length + refused.length + answered.length + othersPending.length === 0) return null
  return (
    <View className='checkin-queue'>
      {refused.length > 0 && (
        <View className='checkin-queue__group'>
          <Text className='checkin-queue__heading checkin-queue__heading--refused'>未能签到 {refused.length} 条</Text>
          {refused.map((entry) => (
            <View key={entry.clientScanId} className='checkin-queue__item checkin-queue__item--refused'>
              <View className='checkin-queue__body'>
                <Text className='checkin-queue__subject'>{scanSubject(entry)}</Text>
                <Text className='checkin-queue__reason'>{entry.result?.message || '未能签到'}</Text>
                <Text className='checkin-queue__time'>{formatTime(entry.scannedAt)} 扫码</Text>
              </View>
              <View className='checkin-queue__dismiss' hoverClass='checkin-queue__dismiss--hover' onClick={() => onDismiss(entry.clientScanId)}>
                知道了
              </View>
            </View>
          ))}
        </View>
      )}
      {pending.length > 0 && (
        <View className='checkin-queue__group'>
          <Text className='checkin-queue__heading checkin-queue__heading--pending'>待同步 {pending.length} 条</Text>
          {pending.map((entry) => (
            <View key={entry.clientScanId} className='checkin-queue__item checkin-queue__item--pending'>
              <View className='checkin-queue__body'>
                <Text className='checkin-queue__subject'>{scanSubject(entry)}</Text>
                <Text className='checkin-queue__time'>
                  {formatTime(entry.scannedAt)} 记下{peopleOf(entry) !== undefined ? `，${peopleOf(entry)} 人` : ''}
                </Text>
              </View>
              <Text className='checkin-queue__state'>待同步</Text>
            </View>
          ))}
        </View>
      )}
      {othersPending.length > 0 && (
        <View className='checkin-queue__group checkin-queue__others'>
          <Text className='checkin-queue__heading checkin-queue__heading--others'>其他账号记下的 {othersPending.length} 条</Text>
          <Text className='checkin-queue__note'>
            这部分是另一个账号在这部手机上记下、还没同步的签到。请那个账号登录后再同步；这里不会替它发送，也不影响您签到。
          </Text>
          {othersPending.map((entry) => (
            <View key={entry.clientScanId} className='checkin-queue__item checkin-queue__item--others'>
              <View className='checkin-queue__body'>
                <Text className='checkin-queue__subject'>{scanSubject(entry)}</Text>
                <Text className='checkin-queue__time'>
                  {formatTime(entry.scannedAt)} 记下{peopleOf(entry) !== undefined ? `，${peopleOf(entry)} 人` : ''}
                </Text>
              </View>
              <Text className='checkin-queue__state checkin-queue__state--others'>待原账号同步</Text>
            </View>
          ))}
        </View>
      )}
      {answered.length > 0 && (
        <View className='checkin-queue__group'>
          <Text className='checkin-queue__heading'>本机最近签到</Text>
          {answered.slice(0, 10).map((entry) => (
            <View key={entry.clientScanId} className='checkin-queue__item'>
              <View className='checkin-queue__body'>
                <Text className='checkin-queue__subject'>{scanSubject(entry)}</Text>
                <Text className='checkin-queue__time'>
                  {entry.state === 'already' ? '此前已签到' : '签到成功'}
                  {peopleOf(entry) !== undefined ? `，${peopleOf(entry)} 人` : ''}
                </Text>
              </View>
              <Text className='checkin-queue__state checkin-queue__state--done'>
                {formatTime(entry.result?.checkedInAt ?? entry.settledAt ?? entry.scannedAt)}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
