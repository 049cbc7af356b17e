import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { OrgPagesLectureAttendanceDocument, type OrgPagesLectureAttendanceQuery } from './gql/graphql'
import StatusView from '../../components/StatusView'
import { useQueryState } from '../../hooks/useQueryState'
import { request } from '../../services/graphql'
import { formatTime, formatTimeRange, ratingLabel, venueTypeLabel } from '../../utils/format'
import { decodeRouteParam } from '../../utils/route'
import OrganizerGate from './pages-gate'
import { attendanceStatusLabel, maskPhone } from './outreach-pages'
import './pages.scss'

type Attendance = OrgPagesLectureAttendanceQuery['lectureAttendance']
type Entry = Attendance['entries'][number]

export default function AttendancePage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id) ?? null
  return (
    <OrganizerGate className='orgp-attendance' title='妇联工作人员登录后查看'>
      {() => (id ? <AttendanceView id={id} /> : <StatusView kind='empty' message='链接不完整，请从讲座明细重新进入。' />)}
    </OrganizerGate>
  )
}

function AttendanceView({ id }: { id: string }) {
  const { state, reload, refresh } = useQueryState(async () => (await request(OrgPagesLectureAttendanceDocument, { lectureId: id })).lectureAttendance, [id], {
    notFoundOnMissing: true,
    refreshOnShow: true,
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载签到名单…' />
  if (state.status === 'notFound') return <StatusView kind='empty' message='没有找到这场讲座' />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />

  const { lecture, entries, walkIns, figures } = state.data
  const checkedIn = entries.filter((entry) => entry.status === 'CHECKED_IN').length
  const noShow = entries.filter((entry) => entry.status === 'NO_SHOW').length
  const walkInPeople = walkIns.reduce((sum, walkIn) => sum + walkIn.partySize, 0)
  const held = figures.lecturesHeld > 0
  return (
    <View className='orgp__body'>
      <View className='orgp-card orgp-attendance__lecture'>
        <View className='orgp-card__top'>
          <Text className={`orgp-badge orgp-badge--${lecture.venue.type.toLowerCase()}`}>{venueTypeLabel(lecture.venue.type)}</Text>
          <Text className={`orgp-lecture__phase orgp-lecture__phase--${held ? 'held' : 'upcoming'}`}>{held ? '已举办' : '未开始'}</Text>
        </View>
        <Text className='orgp-card__title orgp-attendance__title'>{lecture.title}</Text>
        <Text className='orgp-card__line'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
        <Text className='orgp-card__line'>
          {lecture.venue.county.name} · {lecture.venue.name}
        </Text>
        <Text className='orgp-card__line'>讲师：{lecture.lecturer.name}</Text>
      </View>

      <View className='orgp-stats orgp-attendance__counts'>
        <Stat name='booked' value={entries.length} unit='户' label='预约' />
        <Stat name='checked-in' value={checkedIn} unit='户' label='已签到' />
        <Stat name='no-show' value={noShow} unit='户' label='未到' />
        <Stat name='walk-in' value={walkInPeople} unit='人' label='现场登记' />
      </View>
      <Text className='orgp__summary orgp-attendance__figures'>
        预约 {held ? figures.seatsBooked : lecture.capacity - lecture.seatsLeft} 座 · 签到 {figures.peopleCheckedIn} 人 · 现场 {figures.walkInPeople} 人 · 共到场 {figures.peopleReached} 人
        {` · ${ratingLabel(figures.averageRating, figures.ratingCount)}`}
      </Text>

      <Text className='orgp__section-title'>预约家庭（{entries.length}）</Text>
      {entries.length === 0 ? (
        <Text className='orgp__empty'>还没有家庭预约</Text>
      ) : (
        entries.map((entry) => <EntryRow key={entry.bookingId} entry={entry} />)
      )}

      <Text className='orgp__section-title'>现场登记（{walkIns.length}）</Text>
      {walkIns.length === 0 ? (
        <Text className='orgp__empty'>没有现场登记的来宾</Text>
      ) : (
        walkIns.map((walkIn) => (
          <View key={walkIn.id} className='orgp-row orgp-walkin'>
            <Text className='orgp-row__name'>现场来宾 {walkIn.partySize} 人</Text>
            <Text className='orgp-row__meta'>
              {formatTime(walkIn.checkedInAt)} 登记{walkIn.note ? ` · ${walkIn.note}` : ''}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

function Stat({ name, value, unit, label }: { name: string; value: number; unit: string; label: string }) {
  return (
    <View className={`orgp-stat orgp-stat--${name}`}>
      <Text className='orgp-stat__value'>
        {value}
        <Text className='orgp-stat__unit'>{unit}</Text>
      </Text>
      <Text className='orgp-stat__label'>{label}</Text>
    </View>
  )
}

function EntryRow({ entry }: { entry: Entry }) {
  const status = entry.status.toLowerCase().replace(/_/g, '-')
  return (
    <View className={`orgp-row orgp-entry orgp-entry--${status}`}>
      <View className='orgp-row__main'>
        <Text className='orgp-row__name orgp-entry__name'>{entry.householdName}</Text>
        <Text className='orgp-row__meta orgp-entry__phone'>
          {maskPhone(entry.phone)} · 预约 {entry.partySize} 人
        </Text>
      </View>
      <Text className={`orgp-entry__status orgp-entry__status--${status}`}>{attendanceStatusLabel(entry)}</Text>
    </View>
  )
}
