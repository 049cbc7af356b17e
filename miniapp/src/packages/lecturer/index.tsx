import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import CheckInSyncBar from '../../components/CheckInSyncBar'
import { syncIfPending } from '../../components/CheckInSyncBar/device-queue'
import { usePendingCount, watchNetwork } from '../../components/CheckInSyncBar/door-queue'
import LecturerLectureCard from '../../components/LecturerLectureCard'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { LecturerMyLecturesDocument, type LectureTime } from './gql/graphql'
import { useNow } from '../../hooks/useNow'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { isApiError, messageOf, request } from '../../services/graphql'
import './index.scss'

const SEGMENTS: Array<{ when: LectureTime; label: string; modifier: string }> = [
  { when: 'UPCOMING', label: '即将开讲', modifier: 'upcoming' },
  { when: 'PAST', label: '已结束', modifier: 'past' },
]

const LECTURE_EDIT_PAGE = '/packages/lecturer/lecture-edit'
const COURSES_PAGE = '/packages/lecturer/courses'

function open(url: string) {
  void Taro.navigateTo({ url })
}

const openLecture = (id: string) => open(`/packages/lecturer/lecture?id=${encodeURIComponent(id)}`)
const openCheckIn = (id: string) => open(`/packages/lecturer/checkin?id=${encodeURIComponent(id)}`)

export default function LecturerHome() {
  const session = useSession()
  return (
    <PageRoot className='lecturer-home'>
      {session.token && session.user ? (
        <Workbench isLecturer={session.user.role === 'LECTURER'} />
      ) : (
        <SignInPanel title='讲师登录后，可以申报讲座、查看预约和入场签到' />
      )}
    </PageRoot>
  )
}

/** Signed in but not a lecturer, and nobody asked them to keep a door either. */
function NotALecturer() {
  return (
    <View className='lecturer-home__notice'>
      <Text className='lecturer-home__notice-title'>这里是讲师工作台</Text>
      <Text className='lecturer-home__notice-text'>
        您的账号还不是讲师账号。如果您是家庭教育讲师或志愿者，请联系所在县（市、区）妇联开通；如果讲师请您帮忙签到，安排好后这里会出现那场讲座。讲座结束后一天内，还可以在“已结束”里打开它补签到。
      </Text>
    </View>
  )
}

/**
 * A lecturer's own lectures in every state; for anyone (a volunteer, the venue's caretaker) also
 * the lectures whose door a lecturer asked them to keep.
 */
function Workbench({ isLecturer }: { isLecturer: boolean }) {
  const [when, setWhen] = useState<LectureTime>('UPCOMING')
  const now = useNow()
  const pending = usePendingCount()
  // Back from proposing, editing or cancelling (shown again): the list follows, asked quietly; a
  // quiet refresh that fails keeps the list on screen. Scans left waiting (the app closed offline
  // at the door) go out first, without opening the door screen.
  useDidShow(() => syncIfPending())
  const { state, reload, refresh } = useQueryState(async () => (await request(LecturerMyLecturesDocument, { when })).myLectures, [when], {
    errorMessage: (error) => (isApiError(error) && error.code === 'FORBIDDEN' ? '只有讲师账号可以查看' : messageOf(error)),
    refreshOnShow: true,
  })
  useEffect(() => watchNetwork(), [])
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <>
      {isLecturer && (
        <View className='lecturer-home__actions'>
          <View className='big-button big-button--primary lecturer-home__propose' hoverClass='big-button--hover' onClick={() => open(LECTURE_EDIT_PAGE)}>
            申报讲座
          </View>
          <View className='big-button lecturer-home__courses' hoverClass='big-button--hover' onClick={() => open(COURSES_PAGE)}>
            我的课程
          </View>
        </View>
      )}

      <CheckInSyncBar pending={pending} />

      <Text className='lecturer-home__heading'>{isLecturer ? '我的讲座' : '我负责签到的讲座'}</Text>
      <View className='lecturer-segments'>
        {SEGMENTS.map((segment) => (
          <View
            key={segment.when}
            className={`lecturer-segment lecturer-segment--${segment.modifier}${segment.when === when ? ' lecturer-segment--active' : ''}`}
            onClick={() => setWhen(segment.when)}
          >
            {segment.label}
          </View>
        ))}
      </View>

      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在加载…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : state.data.length === 0 ? (
        when === 'UPCOMING' && isLecturer ? (
          <StatusView kind='empty' message='还没有要开讲的讲座' actionText='申报讲座' onAction={() => open(LECTURE_EDIT_PAGE)} />
        ) : when === 'UPCOMING' ? (
          // Not a lecturer and no door to keep ahead: say why, and leave 已结束 one tap away (door
          // staff may still check in there for a day after a lecture).
          <NotALecturer />
        ) : (
          <StatusView kind='empty' message='还没有已结束的讲座' />
        )
      ) : (
        <View className='lecturer-home__list'>
          {state.data.map((lecture) => (
            <LecturerLectureCard key={lecture.id} lecture={lecture} now={now} onOpen={openLecture} onCheckIn={openCheckIn} />
          ))}
        </View>
      )}
    </>
  )
}
