import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { OrgPagesOutreachLecturesDocument, type OrgPagesOutreachLecturesQuery } from './gql/graphql'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useQueryState } from '../../hooks/useQueryState'
import { formatTimeRange, venueTypeLabel } from '../../utils/format'
import { request } from '../../services/graphql'
import OrganizerGate, { type Organizer } from './pages-gate'
import { cellHeading, figuresLine, parseCellParams, type CellParams } from './outreach-pages'
import './pages.scss'

type Row = OrgPagesOutreachLecturesQuery['outreachLectures'][number]

export default function CellPage() {
  const { params } = useRouter()
  return (
    <OrganizerGate className='orgp-cell' title='妇联工作人员登录后查看'>
      {(organizer) => <CellView organizer={organizer} params={params} />}
    </OrganizerGate>
  )
}

function CellView({ organizer, params }: { organizer: Organizer; params: Record<string, string | undefined> }) {
  const parsed = parseCellParams(params)
  if (!parsed) return <StatusView kind='empty' message='链接不完整，请从统计页面重新进入。' />
  // A county organizer's cell is always their own county (the dashboard links without it for them).
  const cell: CellParams = parsed.countyCode || organizer.citywide ? parsed : { ...parsed, countyCode: organizer.countyCode }
  return <CellLectures cell={cell} />
}

function CellLectures({ cell }: { cell: CellParams }) {
  const counties = useCounties()
  const countyName = cell.countyCode ? counties.counties.find((county) => county.code === cell.countyCode)?.name ?? null : null
  const heading = cellHeading(cell, countyName)

  const { state, reload, refresh } = useQueryState(
    async () =>
      (
        await request(OrgPagesOutreachLecturesDocument, {
          year: cell.year,
          countyCode: cell.countyCode,
          venueType: cell.venueType,
          month: cell.month,
        })
      ).outreachLectures,
    [cell.year, cell.countyCode, cell.venueType, cell.month],
    { refreshOnShow: true },
  )
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='orgp__body'>
      <Text className='orgp__heading orgp-cell__heading'>{heading}</Text>
      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在加载讲座…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : state.data.length === 0 ? (
        <StatusView kind='empty' message='这里还没有讲座' />
      ) : (
        <>
          <Text className='orgp__summary orgp-cell__total'>
            共 {state.data.length} 场，已举办 {state.data.filter((row) => row.figures.lecturesHeld > 0).length} 场
          </Text>
          {state.data.map((row) => (
            <OutreachLectureCard key={row.lecture.id} row={row} />
          ))}
        </>
      )}
    </View>
  )
}

/** One lecture of the cell with its outreach figures (not components/LectureCard, the parents' card). */
function OutreachLectureCard({ row }: { row: Row }) {
  const { lecture, figures } = row
  const held = figures.lecturesHeld > 0
  const open = () => void Taro.navigateTo({ url: `/packages/organizer/attendance?id=${encodeURIComponent(lecture.id)}` })
  return (
    <View className='orgp-card orgp-lecture' hoverClass='orgp-card--hover' onClick={open}>
      <View className='orgp-card__top'>
        <Text className={`orgp-badge orgp-badge--${lecture.venue.type.toLowerCase()}`}>{venueTypeLabel(lecture.venue.type)}</Text>
        <Text className={`orgp-lecture__phase orgp-lecture__phase--${held ? 'held' : 'upcoming'}`}>{held ? '已举办' : '未开始'}</Text>
      </View>
      <Text className='orgp-card__title orgp-lecture__title'>{lecture.title}</Text>
      <Text className='orgp-card__line orgp-lecture__time'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
      <Text className='orgp-card__line orgp-lecture__venue'>
        {lecture.venue.county.name} · {lecture.venue.name}
      </Text>
      <Text className='orgp-card__line orgp-lecture__lecturer'>讲师：{lecture.lecturer.name}</Text>
      <Text className='orgp-lecture__figures'>{figuresLine(figures, lecture.capacity - lecture.seatsLeft)}</Text>
      <Text className='orgp-card__more'>查看签到名单 ›</Text>
    </View>
  )
}
