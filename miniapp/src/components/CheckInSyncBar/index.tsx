import { Text, View } from '@tarojs/components'
import { useStore } from '../../hooks/useStore'
import { syncNow, syncStatusStore } from './device-queue'
import './index.scss'

interface Props {
  /** Scans waiting to be sent (this lecture's on the door screen, all of them elsewhere). */
  pending: number
}

/**
 * 待同步 N 条 with 立即同步, and why they wait (no network, signed out). Hidden when nothing
 * waits and the network is fine.
 */
export default function CheckInSyncBar({ pending }: Props) {
  const status = useStore(syncStatusStore)
  const offline = status.online === false
  const last = status.last
  const failure =
    last?.status === 'failed'
      ? last.code === 'UNAUTHENTICATED'
        ? '登录已过期，请重新登录后再同步'
        : last.message || '服务器暂时没有回应，稍后会再试'
      : null
  if (pending === 0 && !offline) return null

  const sync = () => {
    if (status.syncing) return
    void syncNow()
  }
  return (
    <View className={`checkin-sync${pending > 0 ? ' checkin-sync--pending' : ''}`}>
      <View className='checkin-sync__text'>
        {pending > 0 ? (
          <Text className='checkin-sync__count'>待同步 {pending} 条</Text>
        ) : (
          <Text className='checkin-sync__count'>网络未连接</Text>
        )}
        <Text className='checkin-sync__hint'>
          {status.syncing
            ? '正在同步…'
            : failure ??
              (offline ? '签到先记在手机上，联网后会自动同步' : '签到已记在手机上，还没有送到服务器')}
        </Text>
      </View>
      {pending > 0 && (
        <View
          className={`checkin-sync__button${status.syncing ? ' checkin-sync__button--busy' : ''}`}
          hoverClass='checkin-sync__button--hover'
          onClick={sync}
        >
          {status.syncing ? '同步中' : '立即同步'}
        </View>
      )}
    </View>
  )
}
