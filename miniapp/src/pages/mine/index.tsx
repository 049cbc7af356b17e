import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { MineDoorDutyDocument, type BookingTime } from '../../gql/graphql'
import BookingBadge from '../../components/BookingBadge'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useMyBookings, type MyBooking } from '../../hooks/useMyBookings'
import { useNow } from '../../hooks/useNow'
import { useLargeText, useSession } from '../../hooks/useStore'
import { PROFILE_PAGE, refreshUser, SIGNS_IN_WITH_WECHAT, signOut } from '../../services/auth'
import { openTicket } from '../../services/booking'
import { request } from '../../services/graphql'
import { setLargeText } from '../../services/preferences'
import type { SessionUser } from '../../services/session'
import { hasTicket } from '../../utils/booking'
import { formatTimeRange } from '../../utils/format'
import { guardianKindLabel } from '../../utils/profile'
import { needsProfile } from '../../utils/signin'
import './index.scss'

const SEGMENTS: Array<{ when: BookingTime; label: string; modifier: string }> = [
  { when: 'UPCOMING', label: '即将参加', modifier: 'upcoming' },
  { when: 'PAST', label: '已结束', modifier: 'past' },
]

function openProfile() {
  void Taro.navigateTo({ url: PROFILE_PAGE })
}

function openHomeTab() {
  void Taro.switchTab({ url: '/pages/index/index' })
}

export default function MinePage() {
  const session = useSession()
  return (
    <PageRoot className='mine'>
      {session.token && session.user ? (
        <SignedIn user={session.user} token={session.token} />
      ) : (
        <>
          <View className='mine__welcome'>
            <Text className='mine__welcome-title'>欢迎来到家庭教育大讲堂</Text>
          </View>
          <SignInPanel offerProfile />
          <LearningLinks role={null} />
          <LargeTextSetting />
        </>
      )}
    </PageRoot>
  )
}

/**
 * Whether a lecturer asked this parent to keep the door of a coming lecture (any account may be
 * door staff). Asked of parents only: the other roles see 讲师工作台 anyway. A failed answer keeps
 * what was known; the link is a convenience, the page itself is open to anyone signed in.
 */
function useKeepsADoor(role: SessionUser['role'], token: string): [boolean, () => Promise<void>] {
  const [keeps, setKeeps] = useState(false)
  const latest = useRef(0)
  const check = useCallback(async () => {
    const call = ++latest.current
    if (role !== 'PARENT' || !token) {
      setKeeps(false)
      return
    }
    try {
      const { myLectures } = await request(MineDoorDutyDocument)
      if (call === latest.current) setKeeps(myLectures.length > 0)
    } catch {
      // keep what was known
    }
  }, [role, token])
  useEffect(() => {
    void check()
  }, [check])
  return [keeps, check]
}

function SignedIn({ user, token }: { user: SessionUser; token: string }) {
  const [when, setWhen] = useState<BookingTime>('UPCOMING')
  const bookings = useMyBookings(when, token)
  const [keepsADoor, recheckDoor] = useKeepsADoor(user.role, token)
  const counties = useCounties()
  const now = useNow()

  // The name and county may have been changed on another phone; a refused token signs out here.
  useEffect(() => {
    void refreshUser().catch(() => undefined)
  }, [])

  // Coming back to the tab (after booking or cancelling elsewhere): bring the list up to date.
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (shownBefore.current) {
      void bookings.reload(true)
      void recheckDoor()
      void refreshUser().catch(() => undefined)
    }
    shownBefore.current = true
  })
  useReachBottom(() => void bookings.loadMore())

  const county = counties.counties.find((c) => c.code === user.countyCode)?.name
  const details = [county, guardianKindLabel(user.guardianKind)].filter(Boolean).join(' · ')
  const incomplete = needsProfile(user)

  return (
    <>
      <View className='mine-profile'>
        <View className='mine-profile__text'>
          <Text className='mine-profile__name'>{incomplete ? '您好' : user.displayName}</Text>
          {details && <Text className='mine-profile__details'>{details}</Text>}
        </View>
        <View className='mine-profile__edit' hoverClass='mine-profile__edit--hover' onClick={openProfile}>
          完善资料 ›
        </View>
      </View>
      {incomplete && (
        <View className='mine-profile-prompt' hoverClass='mine-profile-prompt--hover' onClick={openProfile}>
          <Text className='mine-profile-prompt__text'>填写称呼和所在县区，方便为您推荐附近的讲座。</Text>
          <Text className='mine-profile-prompt__action'>去完善 ›</Text>
        </View>
      )}

      <LearningLinks role={user.role} keepsADoor={keepsADoor} />
      <LargeTextSetting />

      <View className='mine-bookings'>
        <Text className='mine__heading'>我的预约</Text>
        <View className='booking-segments'>
          {SEGMENTS.map((segment) => (
            <View
              key={segment.when}
              className={`booking-segment booking-segment--${segment.modifier}${segment.when === when ? ' booking-segment--active' : ''}`}
              onClick={() => setWhen(segment.when)}
            >
              {segment.label}
            </View>
          ))}
        </View>
        <BookingList bookings={bookings} when={when} now={now} />
      </View>

      {!SIGNS_IN_WITH_WECHAT && (
        <View className='mine__sign-out' hoverClass='mine__sign-out--hover' onClick={signOut}>
          退出登录
        </View>
      )}
    </>
  )
}

function BookingList({ bookings, when, now }: { bookings: ReturnType<typeof useMyBookings>; when: BookingTime; now: Date }) {
  if (bookings.status === 'loading' || bookings.status === 'idle') return <StatusView kind='loading' message='正在加载…' />
  if (bookings.status === 'error') {
    return <StatusView kind='error' message={bookings.error ?? ''} actionText='重试' onAction={() => void bookings.reload()} />
  }
  if (bookings.items.length === 0) {
    return when === 'UPCOMING' ? (
      <StatusView kind='empty' message='还没有要参加的讲座' actionText='去看看近期讲座' onAction={openHomeTab} />
    ) : (
      <StatusView kind='empty' message='还没有参加过的讲座' />
    )
  }
  return (
    <View className='booking-list'>
      {bookings.items.map((booking) => (
        <BookingItem key={booking.id} booking={booking} now={now} />
      ))}
      <View className='booking-list__footer'>
        {bookings.loadingMore ? (
          <Text className='booking-list__hint'>正在加载更多…</Text>
        ) : bookings.moreError ? (
          <View className='big-button booking-list__more' hoverClass='big-button--hover' onClick={() => void bookings.loadMore()}>
            没加载出来，点此重试
          </View>
        ) : bookings.hasNextPage ? (
          <View className='big-button booking-list__more' hoverClass='big-button--hover' onClick={() => void bookings.loadMore()}>
            加载更多
          </View>
        ) : null}
      </View>
    </View>
  )
}

function BookingItem({ booking, now }: { booking: MyBooking; now: Date }) {
  const { lecture } = booking
  return (
    <View className='booking-item' hoverClass='booking-item--hover' onClick={() => openTicket(booking.id)}>
      <View className='booking-item__top'>
        <BookingBadge status={booking.status} waitlistPosition={booking.waitlistPosition} />
        <Text className='booking-item__party'>{booking.partySize} 位</Text>
      </View>
      <Text className='booking-item__title'>{lecture.title}</Text>
      <Text className='booking-item__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt, now)}</Text>
      <Text className='booking-item__venue'>{lecture.venue.name}</Text>
      <Text className='booking-item__more'>{hasTicket(booking.status) ? '查看入场券 ›' : '查看详情 ›'}</Text>
    </View>
  )
}

interface LinkRow {
  key: string
  label: string
  hint: string
  url: string
}

/**
 * 我的学习 and 结业证书 for everyone. 讲师工作台 for lecturers, for organizers and admins (they may
 * check households in at any door in their scope), and for a parent a lecturer asked to keep a
 * door; 内容审核 and 五进工作统计 for organizers and admins.
 */
function LearningLinks({ role, keepsADoor = false }: { role: SessionUser['role'] | null; keepsADoor?: boolean }) {
  const rows: LinkRow[] = [
    { key: 'learning', label: '我的学习', hint: '家庭教育课程', url: '/packages/learning/index' },
    { key: 'certificates', label: '结业证书', hint: '学完课程领取', url: '/packages/learning/certificate' },
  ]
  if (role === 'LECTURER') rows.push({ key: 'lecturer', label: '讲师工作台', hint: '课程、讲座、签到', url: '/packages/lecturer/index' })
  else if (role === 'ORGANIZER' || role === 'ADMIN' || (role === 'PARENT' && keepsADoor)) {
    rows.push({ key: 'lecturer', label: '讲师工作台', hint: '讲座入场签到', url: '/packages/lecturer/index' })
  }
  if (role === 'ORGANIZER' || role === 'ADMIN') {
    rows.push({ key: 'review', label: '内容审核', hint: '课程和讲座', url: '/packages/organizer/index' })
    rows.push({ key: 'dashboard', label: '五进工作统计', hint: '场次、人数、目标', url: '/packages/organizer/dashboard' })
  }
  return (
    <View className='mine-links'>
      {rows.map((row) => (
        <View
          key={row.key}
          className={`mine-link mine-link--${row.key}`}
          hoverClass='mine-link--hover'
          onClick={() => void Taro.navigateTo({ url: row.url })}
        >
          <Text className='mine-link__label'>{row.label}</Text>
          <Text className='mine-link__hint'>{row.hint} ›</Text>
        </View>
      ))}
    </View>
  )
}

/** 大字模式: kept on this phone, applied by every page (see PageRoot). */
function LargeTextSetting() {
  const on = useLargeText()
  return (
    <View
      className={`large-text-toggle${on ? ' large-text-toggle--on' : ''}`}
      hoverClass='large-text-toggle--hover'
      onClick={() => setLargeText(!on)}
    >
      <View className='large-text-toggle__text'>
        <Text className='large-text-toggle__label'>大字模式</Text>
        <Text className='large-text-toggle__hint'>{on ? '已打开：字更大，看得更清楚' : '打开后，所有页面的字都会变大'}</Text>
      </View>
      <View className='large-text-toggle__switch'>
        <View className='large-text-toggle__knob' />
      </View>
    </View>
  )
}
