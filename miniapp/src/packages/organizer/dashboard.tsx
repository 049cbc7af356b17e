import { useMemo, useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { DashboardReportDocument, type DashboardFiguresFragment, type DashboardReportQuery } from './gql/graphql'
import CountyPicker from '../../components/CountyPicker'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useQueryState } from '../../hooks/useQueryState'
import { useLargeText, useSession } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { beijingMonthNow, beijingYearNow, formatDate, formatTime, outreachYears, ratingLabel, venueTypeLabel } from '../../utils/format'
import DashboardChart, { type ChartSpec } from './dashboard-chart'
import { exportOutreach, shareExportedFile, type ExportedFile } from './dashboard-export'
import {
  againstTarget,
  barPercent,
  drillDownUrl,
  monthValues,
  percentLabel,
  progressLabel,
  targetsUrl,
  type DrillDown,
  type ExportKind,
} from './dashboard-model'
import OrganizerGate, { type Organizer } from './pages-gate'
import './dashboard.scss'

type Report = DashboardReportQuery['outreachReport']

const LECTURE_COLOR = '#b8322e'
const PEOPLE_COLOR = '#1f5fa8'

let opening = false

/**
 * One page per tap: a double tap (older hands often tap twice) would stack the same page twice,
 * and the back arrow would then seem to do nothing.
 */
function open(url: string) {
  if (opening) return
  opening = true
  void Taro.navigateTo({ url }).finally(() => {
    opening = false
  })
}

function openCell(cell: DrillDown) {
  open(drillDownUrl(cell))
}

export default function DashboardPage() {
  return (
    <OrganizerGate className='dashboard' title='妇联工作人员登录后查看统计'>
      {(organizer) => <Dashboard organizer={organizer} />}
    </OrganizerGate>
  )
}

/** A county organizer sees their own county, fixed; city organizers and admins pick. */
function Dashboard({ organizer }: { organizer: Organizer }) {
  const { token } = useSession()
  const fixedCounty = organizer.countyCode
  const counties = useCounties()
  const largeText = useLargeText()
  const years = useMemo(() => outreachYears(), [])
  const [year, setYear] = useState(() => beijingYearNow())
  const [pickedCounty, setPickedCounty] = useState<string | null>(null)
  const countyCode = fixedCounty ?? pickedCounty
  const countyName = countyCode ? counties.counties.find((county) => county.code === countyCode)?.name ?? '' : '全市'

  const { state, reload, refresh } = useQueryState(
    async () => (await request(DashboardReportDocument, { year, countyCode })).outreachReport,
    [token, year, countyCode],
    // Back from the targets page (or a lecture list) with changes made there: ask again quietly.
    { refreshOnShow: true },
  )
  usePullDownRefresh(() => {
    if (counties.failed) void counties.retry()
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  // The report names its county; the county list is the fallback while it loads (or if it failed).
  const reportCounty = state.status === 'ready' ? state.data.county?.name ?? null : null
  const scopeName = reportCounty ?? (countyCode ? countyName : '全市')

  return (
    <View className='dashboard__body'>
      <View className='dashboard-head'>
        <Text className='dashboard-head__title'>五进工作统计</Text>
        <Text className='dashboard-head__hint'>讲座进农村、社区、学校、机关、企业，对照年度目标</Text>
      </View>

      <View className='dashboard-pickers'>
        <Picker
          className='dashboard-year'
          mode='selector'
          range={years.map((y) => `${y} 年`)}
          value={Math.max(0, years.indexOf(year))}
          onChange={(event) => {
            const picked = years[Number(event.detail.value)]
            if (picked) setYear(picked)
          }}
        >
          <View className='dashboard-year__bar' hoverClass='dashboard-year__bar--hover'>
            <Text className='dashboard-year__label'>年度</Text>
            <Text className='dashboard-year__value'>{year} 年</Text>
            <Text className='dashboard-year__action'>切换 ▾</Text>
          </View>
        </Picker>
        {fixedCounty ? (
          <View className='dashboard-county-fixed'>
            <Text className='dashboard-county-fixed__label'>地区</Text>
            <Text className='dashboard-county-fixed__value'>{reportCounty || countyName || '本县区'}</Text>
          </View>
        ) : (
          <CountyPicker counties={counties.counties} value={pickedCounty} onChange={setPickedCounty} status={counties.status} onRetry={() => void counties.retry()} />
        )}
      </View>

      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在统计…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : (
        <ReportView report={state.data} year={year} countyCode={countyCode} cityScope={!countyCode} largeText={largeText} scopeName={scopeName} />
      )}
    </View>
  )
}

function ReportView({
  report,
  year,
  countyCode,
  cityScope,
  largeText,
  scopeName,
}: {
  report: Report
  year: number
  countyCode: string | null
  cityScope: boolean
  largeText: boolean
  scopeName: string
}) {
  const nothingYet = report.totals.lecturesHeld === 0 && report.totals.lecturesUpcoming === 0
  return (
    <View className='dashboard-report'>
      <Totals figures={report.totals} onOpen={() => openCell({ year, countyCode })} />

      <View className='dashboard-section dashboard-types'>
        <Text className='dashboard-section__title'>五进分类完成情况</Text>
        {report.byVenueType.map((row) => (
          <VenueTypeRow key={row.venueType} venueType={row.venueType} figures={row.figures} onOpen={() => openCell({ year, countyCode, venueType: row.venueType })} />
        ))}
      </View>

      {nothingYet ? (
        <StatusView kind='empty' message={`${year} 年${scopeName}还没有发布的讲座`} />
      ) : (
        <>
          {cityScope && <CountySection report={report} year={year} largeText={largeText} />}
          <MonthSection report={report} year={year} countyCode={countyCode} largeText={largeText} />
        </>
      )}

      <View className='dashboard-actions'>
        <View className='big-button dashboard-actions__targets' hoverClass='big-button--hover' onClick={() => open(targetsUrl(year, countyCode))}>
          {cityScope ? '年度目标' : `${scopeName}年度目标`}
        </View>
        <ExportButton kind='lectures' label='导出讲座明细' year={year} countyCode={countyCode} scopeName={scopeName} />
        <ExportButton kind='summary' label='导出汇总' year={year} countyCode={countyCode} scopeName={scopeName} />
      </View>
      <Text className='dashboard-report__generated'>
        统计时间：{formatDate(report.generatedAt)} {formatTime(report.generatedAt)}
      </Text>
    </View>
  )
}

function Totals({ figures, onOpen }: { figures: DashboardFiguresFragment; onOpen: () => void }) {
  const items: Array<{ key: string; label: string; value: string; wide?: boolean }> = [
    { key: 'held', label: '已举办场次', value: againstTarget(figures.lecturesHeld, figures.lectureTarget, '场'), wide: true },
    { key: 'people', label: '到场人数', value: againstTarget(figures.peopleReached, figures.peopleTarget, '人'), wide: true },
    { key: 'seats', label: '预约座位', value: `${figures.seatsBooked} 座` },
    { key: 'checked-in', label: '预约到场', value: `${figures.peopleCheckedIn} 人` },
    { key: 'walk-ins', label: '现场登记', value: `${figures.walkInPeople} 人` },
    { key: 'households', label: '覆盖户数', value: `${figures.householdsReached} 户` },
    { key: 'attendance', label: '出席率', value: percentLabel(figures.attendanceRate) },
    { key: 'no-show', label: '未到率', value: percentLabel(figures.noShowRate) },
    { key: 'rating', label: '平均评分', value: ratingLabel(figures.averageRating, figures.ratingCount), wide: true },
    { key: 'upcoming', label: '待举办', value: `${figures.lecturesUpcoming} 场`, wide: true },
  ]
  return (
    <View className='dashboard-totals' hoverClass='dashboard-totals--hover' onClick={onOpen}>
      {items.map((item) => (
        <View key={item.key} className={`dashboard-total dashboard-total--${item.key}${item.wide ? ' dashboard-total--wide' : ''}`}>
          <Text className='dashboard-total__label'>{item.label}</Text>
          <Text className='dashboard-total__value'>{item.value}</Text>
        </View>
      ))}
      <View className='dashboard-total__bars'>
        <ProgressBar kind='lectures' label='场次完成' progress={figures.lectureProgress} target={figures.lectureTarget} />
        <ProgressBar kind='people' label='人数完成' progress={figures.peopleProgress} target={figures.peopleTarget} />
      </View>
      <Text className='dashboard-totals__more'>查看全部讲座 ›</Text>
    </View>
  )
}

function ProgressBar({
  kind,
  label,
  progress,
  target,
}: {
  kind: 'lectures' | 'people'
  label: string
  progress: number | null | undefined
  target: number | null | undefined
}) {
  const percent = barPercent(progress)
  return (
    <View className={`dashboard-bar dashboard-bar--${kind}`}>
      <View className='dashboard-bar__top'>
        <Text className='dashboard-bar__label'>{label}</Text>
        <Text className='dashboard-bar__percent'>{progressLabel(progress, target)}</Text>
      </View>
      <View className='dashboard-bar__track'>
        <View className='dashboard-bar__fill' style={{ width: `${percent}%` }} />
      </View>
    </View>
  )
}

function VenueTypeRow({ venueType, figures, onOpen }: { venueType: string; figures: DashboardFiguresFragment; onOpen: () => void }) {
  return (
    <View className={`dashboard-type dashboard-type--${venueType.toLowerCase()}`} hoverClass='dashboard-type--hover' onClick={onOpen}>
      <View className='dashboard-type__top'>
        <Text className='dashboard-type__name'>{venueTypeLabel(venueType)}</Text>
        <Text className='dashboard-type__more'>查看讲座 ›</Text>
      </View>
      <Text className='dashboard-type__lectures'>场次：{againstTarget(figures.lecturesHeld, figures.lectureTarget, '场')}</Text>
      <ProgressBar kind='lectures' label='场次完成' progress={figures.lectureProgress} target={figures.lectureTarget} />
      <Text className='dashboard-type__people'>人数：{againstTarget(figures.peopleReached, figures.peopleTarget, '人')}</Text>
      <ProgressBar kind='people' label='人数完成' progress={figures.peopleProgress} target={figures.peopleTarget} />
    </View>
  )
}

function CountySection({ report, year, largeText }: { report: Report; year: number; largeText: boolean }) {
  const spec = useMemo<ChartSpec>(
    () => ({
      type: 'column',
      categories: report.byCounty.map((row) => row.county.name),
      // One series: ten counties of paired bars on two axes were hard to read; the people are in
      // the rows under the chart.
      series: [{ name: '已举办场次', data: report.byCounty.map((row) => row.figures.lecturesHeld), color: LECTURE_COLOR, axis: 0 }],
      axes: ['场次'],
    }),
    [report],
  )
  return (
    <View className='dashboard-section dashboard-counties'>
      <Text className='dashboard-section__title'>各县区</Text>
      <DashboardChart
        id='dashboard-county-chart'
        className='dashboard-counties__chart'
        spec={spec}
        largeText={largeText}
        onPick={(index) => {
          const row = report.byCounty[index]
          if (row) openCell({ year, countyCode: row.county.code })
        }}
      />
      <View className='dashboard-rows'>
        {report.byCounty.map((row) => (
          <View
            key={row.county.code}
            className='dashboard-row dashboard-county-row'
            hoverClass='dashboard-row--hover'
            onClick={() => openCell({ year, countyCode: row.county.code })}
          >
            <Text className='dashboard-row__name'>{row.county.name}</Text>
            <View className='dashboard-row__figures'>
              <Text className='dashboard-row__lectures'>{againstTarget(row.figures.lecturesHeld, row.figures.lectureTarget, '场')}</Text>
              <Text className='dashboard-row__people'>{againstTarget(row.figures.peopleReached, row.figures.peopleTarget, '人')}</Text>
            </View>
            <Text className='dashboard-row__more'>›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function MonthSection({ report, year, countyCode, largeText }: { report: Report; year: number; countyCode: string | null; largeText: boolean }) {
  const spec = useMemo<ChartSpec>(() => {
    // Months still to come are no value (the line stops), not a fall to 0.
    const now = new Date()
    const values = (pick: (row: Report['byMonth'][number]) => number) =>
      monthValues(report.byMonth.map((row) => ({ month: row.month, value: pick(row) })), year, beijingYearNow(now), beijingMonthNow(now))
    return {
      type: 'line',
      categories: report.byMonth.map((row) => `${row.month}月`),
      series: [
        { name: '场次', data: values((row) => row.figures.lecturesHeld), color: LECTURE_COLOR, axis: 0 },
        { name: '人数', data: values((row) => row.figures.peopleReached), color: PEOPLE_COLOR, axis: 1 },
      ],
      axes: ['场次', '人数'],
      labelEvery: largeText ? 3 : 2,
    }
  }, [report, year, largeText])
  return (
    <View className='dashboard-section dashboard-months'>
      <Text className='dashboard-section__title'>逐月场次和人数</Text>
      <DashboardChart
        id='dashboard-month-chart'
        className='dashboard-months__chart'
        spec={spec}
        largeText={largeText}
        onPick={(index) => {
          const row = report.byMonth[index]
          if (row) openCell({ year, countyCode, month: row.month })
        }}
      />
      <View className='dashboard-rows'>
        {report.byMonth.map((row) => (
          <View
            key={row.month}
            className={`dashboard-row dashboard-month-row dashboard-month-row--${row.month}`}
            hoverClass='dashboard-row--hover'
            onClick={() => openCell({ year, countyCode, month: row.month })}
          >
            <Text className='dashboard-row__name'>{row.month} 月</Text>
            <View className='dashboard-row__figures'>
              <Text className='dashboard-row__lectures'>{row.figures.lecturesHeld} 场</Text>
              <Text className='dashboard-row__people'>{row.figures.peopleReached} 人</Text>
            </View>
            <Text className='dashboard-row__more'>›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function ExportButton({ kind, label, year, countyCode, scopeName }: { kind: ExportKind; label: string; year: number; countyCode: string | null; scopeName: string }) {
  const [busy, setBusy] = useState(false)
  // The state above is stale until the next render: a second tap in between must not export twice.
  const busyNow = useRef(false)
  const [file, setFile] = useState<ExportedFile | null>(null)
  return (
    <>
      <View
        className={`big-button dashboard-export dashboard-export--${kind}${busy ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={() => {
          if (busyNow.current) return
          busyNow.current = true
          setBusy(true)
          setFile(null)
          exportOutreach({ kind, year, countyCode, scopeName })
            .then((outcome) => {
              if (!outcome.ok) void Taro.showModal({ title: '导出失败', content: outcome.message, showCancel: false })
              else if (outcome.file) setFile(outcome.file)
              else if (outcome.message) void Taro.showToast({ title: outcome.message, icon: 'none' })
            })
            .catch(() => void Taro.showModal({ title: '导出失败', content: '导出失败，请稍后再试', showCancel: false }))
            .finally(() => {
              busyNow.current = false
              setBusy(false)
            })
        }}
      >
        {busy ? '正在导出…' : label}
      </View>
      {file && <ExportedPanel kind={kind} file={file} onClose={() => setFile(null)} />}
    </>
  )
}

/**
 * weapp: the downloaded file, with a big 发送到聊天 button. WeChat lets shareFileMessage run only
 * from a real tap, so the organizer taps here once the download is done.
 */
function ExportedPanel({ kind, file, onClose }: { kind: ExportKind; file: ExportedFile; onClose: () => void }) {
  return (
    <View className={`dashboard-exported dashboard-exported--${kind}`}>
      <Text className='dashboard-exported__name'>已导出：{file.fileName}</Text>
      {file.canShare ? (
        <>
          <Text className='dashboard-exported__hint'>微信里不能直接打开表格文件。发送到聊天（如“文件传输助手”）后，在电脑上用 Excel 打开。</Text>
          <View
            className='big-button dashboard-exported__share'
            hoverClass='big-button--hover'
            onClick={() =>
              shareExportedFile(file, (outcome) => {
                // Cancelled: the button stays for another go.
                if (outcome === 'sent') onClose()
                else if (outcome !== 'cancelled') void Taro.showModal({ title: '没有发出去', content: outcome.failure, showCancel: false })
              })
            }
          >
            发送到聊天
          </View>
        </>
      ) : (
        <Text className='dashboard-exported__hint'>此微信版本不能发送文件，请升级微信，或在电脑上登录后导出。</Text>
      )}
      <Text className='dashboard-exported__close' onClick={onClose}>
        关闭
      </Text>
    </View>
  )
}
