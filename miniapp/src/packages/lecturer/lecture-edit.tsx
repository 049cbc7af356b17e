import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { askForReviewNotices, useReviewNoticeTemplates } from './review-notices'
import { LectureFormCoursesDocument, LectureFormLectureDocument, LectureFormProposeDocument, LectureFormUpdateDocument, LectureFormVenuesDocument, type LectureFormLectureQuery, type LectureFormVenuesQuery, type LectureProposalInput } from './gql/graphql'
import { type LectureStatus } from '../../gql/graphql'
import CourseFormField from '../../components/CourseFormField'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { isApiError, messageOf, request } from '../../services/graphql'
import { FIX_FIELDS } from '../../services/errors'
import { formatTimeRange, venueTypeLabel } from '../../utils/format'
import {
  beijingDateAfter,
  CAMPAIGN_TAGS,
  emptyLectureForm,
  lectureFieldEditable,
  lectureFieldErrors,
  lectureFormChanged,
  lectureFormOf,
  lectureProposalInput,
  lectureStatusLabel,
  lectureUpdateInput,
  MAX_CAMPAIGN_TAG,
  sortVenues,
  type LectureErrors,
  type LectureField,
  type LectureFormState,
  type LectureFormVenue,
} from '../../utils/lectureForm'
import { AGE_GROUPS, ageGroupLabel, toggleAgeGroup } from '../../utils/profile'
import { decodeRouteParam, navigateBackOr } from '../../utils/route'
import { useLeaveWarning } from '../../hooks/useLeaveWarning'
import './lecture-edit.scss'

type Lecture = NonNullable<LectureFormLectureQuery['lecture']>

const LECTURER_HOME = '/packages/lecturer/index'

function leave() {
  navigateBackOr(LECTURER_HOME, Taro)
}

export default function LectureEditPage() {
  const { token, user } = useSession()
  const { params } = useRouter()
  const id = decodeRouteParam(params.id) ?? null
  return (
    <PageRoot className='lecture-edit'>
      {!token || !user ? (
        <SignInPanel title='讲师登录后申报讲座' />
      ) : user.role !== 'LECTURER' ? (
        <StatusView kind='empty' message='只有讲师账号可以申报讲座。' />
      ) : (
        <LectureLoader id={id} />
      )}
    </PageRoot>
  )
}

function LectureLoader({ id }: { id: string | null }) {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '修改讲座' : '申报讲座' })
  }, [id])
  return id ? <ExistingLecture id={id} /> : <LectureForm lecture={null} />
}

function ExistingLecture({ id }: { id: string }) {
  const { state, reload } = useQueryState(async () => (await request(LectureFormLectureDocument, { id })).lecture, [id], { notFoundOnMissing: true })

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'notFound') return <StatusView kind='empty' message='没有找到这场讲座' actionText='返回' onAction={leave} />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  if (!state.data.canManage) return <StatusView kind='empty' message='这场讲座不是您的，不能修改。' />
  return <LectureForm lecture={state.data} />
}

/** The lecturer's published courses, for the optional course link. */
function useOwnPublishedCourses() {
  const [courses, setCourses] = useState<Array<{ id: string; title: string }>>([])
  const [failed, setFailed] = useState(false)
  const load = useCallback(async () => {
    setFailed(false)
    try {
      const { myCourses } = await request(LectureFormCoursesDocument)
      setCourses(myCourses.filter((course) => course.status === 'PUBLISHED'))
    } catch {
      setFailed(true)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return { courses, failed, retry: load }
}

/** The venues of a county; `keep` (the lecture's own venue) is always offered. */
function useCountyVenues(countyCode: string | null, keep: LectureFormVenue | null) {
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'ready' | 'error'; venues: LectureFormVenue[] }>({ status: 'idle', venues: [] })
  const latest = useRef(0)
  const load = useCallback(async () => {
    const call = ++latest.current
    if (!countyCode) {
      setState({ status: 'idle', venues: [] })
      return
    }
    setState({ status: 'loading', venues: [] })
    try {
      const { venues }: LectureFormVenuesQuery = await request(LectureFormVenuesDocument, { countyCode })
      if (call === latest.current) setState({ status: 'ready', venues: sortVenues(venues) })
    } catch {
      if (call === latest.current) setState({ status: 'error', venues: [] })
    }
  }, [countyCode])
  useEffect(() => {
    void load()
  }, [load])
  const venues = useMemo(() => {
    if (!keep || keep.county.code !== countyCode || state.venues.some((v) => v.id === keep.id)) return state.venues
    return sortVenues([keep, ...state.venues])
  }, [state.venues, keep, countyCode])
  return { status: state.status, venues, retry: load }
}

function venueLabel(venue: LectureFormVenue): string {
  return `${venue.name}（${venueTypeLabel(venue.type)}）`
}

function LectureForm({ lecture }: { lecture: Lecture | null }) {
  const status: LectureStatus | null = lecture?.status ?? null
  const original = useMemo(() => (lecture ? lectureFormOf(lecture) : null), [lecture])
  // What the form started from (the lecture as loaded, or a new proposal's defaults): unsaved changes are measured against it.
  const [start] = useState<LectureFormState>(() => original ?? emptyLectureForm())
  const [form, setForm] = useState<LectureFormState>(start)
  const [errors, setErrors] = useState<LectureErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // Sent: the page is on its way back. The button stays away (and savingNow stays set) so a second
  // tap during the toast cannot propose the same lecture twice.
  const [sent, setSent] = useState<string | null>(null)
  const savingNow = useRef(false)
  const counties = useCounties()
  const courses = useOwnPublishedCourses()
  const venues = useCountyVenues(form.countyCode, original?.venue ?? null)
  const editable = (field: LectureField) => lectureFieldEditable(status, field)
  const cancelled = status === 'CANCELLED'
  useLeaveWarning(!sent && !cancelled && lectureFormChanged(form, start))

  const update = (patch: Partial<LectureFormState>, ...fields: LectureField[]) => {
    setForm((current) => ({ ...current, ...patch }))
    if (fields.some((field) => errors[field])) {
      setErrors((current) => {
        const next = { ...current }
        for (const field of fields) delete next[field]
        return next
      })
    }
  }

  const noticeTemplates = useReviewNoticeTemplates()

  const save = async () => {
    if (savingNow.current || cancelled) return
    askForReviewNotices(noticeTemplates)
    const built = lecture && original && status ? lectureUpdateInput(form, original, status) : lectureProposalInput(form)
    if ('errors' in built) {
      setErrors(built.errors)
      setFailure(FIX_FIELDS)
      return
    }
    // Unchanged: nothing to send, except that saving a rejected lecture sends it to review again.
    if (lecture && status !== 'REJECTED' && Object.keys(built.input).length === 0) {
      void Taro.showToast({ title: '没有改动', icon: 'none' })
      return
    }
    savingNow.current = true
    setSaving(true)
    setFailure(null)
    setErrors({})
    let done = false
    try {
      let title = '已提交审核'
      if (lecture) {
        const { updateLecture } = await request(LectureFormUpdateDocument, { id: lecture.id, input: built.input })
        title = updateLecture.status === 'PROPOSED' && status !== 'PROPOSED' ? '已重新提交审核' : '已保存'
      } else {
        // Without a lecture there is no original: `built` is a whole proposal.
        await request(LectureFormProposeDocument, { input: built.input as LectureProposalInput })
      }
      done = true
      setSent(title)
      void Taro.showToast({ title, icon: 'success' })
      setTimeout(leave, 800)
    } catch (error) {
      const fields = isApiError(error) && error.code === 'BAD_USER_INPUT' ? lectureFieldErrors(error.errors) : {}
      if (Object.keys(fields).length > 0) {
        setErrors(fields)
        setFailure(FIX_FIELDS)
      } else if (isApiError(error) && error.code === 'CONFLICT') {
        setFailure('这场讲座的状态刚刚变了（可能已审核或取消），请返回后重新打开。')
      } else {
        setFailure(messageOf(error))
      }
    } finally {
      if (!done) {
        savingNow.current = false
        setSaving(false)
      }
    }
  }

  const countyIndex = counties.counties.findIndex((county) => county.code === form.countyCode)
  const venueIndex = form.venue ? venues.venues.findIndex((venue) => venue.id === form.venue!.id) : -1
  const courseIndex = form.courseId ? courses.courses.findIndex((course) => course.id === form.courseId) : -1
  const courseNames = ['不关联课程', ...courses.courses.map((course) => course.title)]
  const today = beijingDateAfter(new Date(), 0)
  const tagIsPreset = CAMPAIGN_TAGS.includes(form.campaignTag)

  return (
    <View className='lecture-edit__form'>
      {lecture && (
        <View className='lecture-edit__state'>
          <Text className={`lecture-status lecture-status--${lecture.status.toLowerCase()}`}>{lectureStatusLabel(lecture.status)}</Text>
          {lecture.status === 'REJECTED' && lecture.rejectionReason && (
            <Text className='lecture-edit__reason'>退回原因：{lecture.rejectionReason}</Text>
          )}
        </View>
      )}
      {status === 'PUBLISHED' && (
        <Text className='form-note lecture-edit__published-note'>
          讲座已发布：名称、简介、课程、场地和时间都不能再改（家长已按此预约）；人数、每户人数、年龄段和活动标签可以修改。
        </Text>
      )}
      {status === 'REJECTED' && <Text className='form-note'>修改后保存，会重新提交审核。</Text>}
      {cancelled && <Text className='form-note'>这场讲座已取消，不能再修改。</Text>}

      <CourseFormField label='讲座名称' name='title' error={errors.title}>
        {editable('title') ? (
          <Input
            className='form-input lecture-edit__title'
            value={form.title}
            placeholder='比如：如何与青春期孩子沟通'
            maxlength={60}
            onInput={(event) => update({ title: event.detail.value }, 'title')}
          />
        ) : (
          <Text className='form-readonly lecture-edit__title-readonly'>{form.title}</Text>
        )}
      </CourseFormField>

      <CourseFormField label='讲座简介' name='summary' error={errors.summary}>
        {editable('summary') ? (
          <Textarea
            className='form-textarea lecture-edit__summary'
            value={form.summary}
            placeholder='讲什么、适合哪些家长'
            maxlength={1000}
            autoHeight
            disableDefaultPadding
            onInput={(event) => update({ summary: event.detail.value }, 'summary')}
          />
        ) : (
          <Text className='form-readonly lecture-edit__summary-readonly'>{form.summary}</Text>
        )}
      </CourseFormField>

      <CourseFormField label='关联课程（选填）' name='courseId' hint='家长学完课程并参加讲座后可获得结业证书' error={errors.courseId}>
        {!editable('courseId') ? (
          <Text className='form-readonly lecture-edit__course-readonly'>{lecture?.course?.title ?? '不关联课程'}</Text>
        ) : courses.failed ? (
          <View className='form-picker' hoverClass='form-picker--hover' onClick={() => void courses.retry()}>
            <Text className='form-picker__value form-picker__value--empty'>课程没加载出来，点此重试</Text>
          </View>
        ) : (
          <Picker
            mode='selector'
            range={courseNames}
            value={courseIndex + 1}
            onChange={(event) => {
              const index = Number(event.detail.value)
              update({ courseId: index > 0 ? courses.courses[index - 1]?.id ?? null : null }, 'courseId')
            }}
          >
            <View className='form-picker lecture-edit__course' hoverClass='form-picker--hover'>
              <Text className={`form-picker__value${courseIndex < 0 ? ' form-picker__value--empty' : ''}`}>
                {courseIndex >= 0 ? courseNames[courseIndex + 1] : form.courseId ? lecture?.course?.title ?? '已选课程' : '不关联课程'}
              </Text>
              <Text className='form-picker__action'>选择 ▾</Text>
            </View>
          </Picker>
        )}
      </CourseFormField>

      <CourseFormField label='场地' name='venueId' error={errors.venueId}>
        {!editable('venueId') ? (
          <Text className='form-readonly lecture-edit__venue-readonly'>
            {form.venue ? `${form.venue.county.name} · ${venueLabel(form.venue)}` : ''}
          </Text>
        ) : (
          <>
            {counties.failed && counties.counties.length === 0 ? (
              <View className='form-picker' hoverClass='form-picker--hover' onClick={() => void counties.retry()}>
                <Text className='form-picker__value form-picker__value--empty'>县区没加载出来，点此重试</Text>
              </View>
            ) : (
              <Picker
                mode='selector'
                range={counties.counties.map((county) => county.name)}
                value={Math.max(countyIndex, 0)}
                onChange={(event) => {
                  const code = counties.counties[Number(event.detail.value)]?.code ?? null
                  if (code !== form.countyCode) update({ countyCode: code, venue: null }, 'venueId')
                }}
              >
                <View className='form-picker lecture-edit__county' hoverClass='form-picker--hover'>
                  <Text className={`form-picker__value${countyIndex < 0 ? ' form-picker__value--empty' : ''}`}>
                    {countyIndex >= 0 ? counties.counties[countyIndex].name : counties.status === 'loading' ? '正在加载县区…' : '先选县区'}
                  </Text>
                  <Text className='form-picker__action'>选择 ▾</Text>
                </View>
              </Picker>
            )}
            <View className='lecture-edit__venue-gap' />
            {!form.countyCode ? null : venues.status === 'error' ? (
              <View className='form-picker' hoverClass='form-picker--hover' onClick={() => void venues.retry()}>
                <Text className='form-picker__value form-picker__value--empty'>场地没加载出来，点此重试</Text>
              </View>
            ) : venues.status === 'loading' ? (
              <View className='form-picker form-picker--disabled'>
                <Text className='form-picker__value form-picker__value--empty'>正在加载场地…</Text>
              </View>
            ) : venues.venues.length === 0 ? (
              <Text className='form-field__hint'>这个县区还没有可选的场地，请联系妇联工作人员。</Text>
            ) : (
              <Picker
                mode='selector'
                range={venues.venues.map(venueLabel)}
                value={Math.max(venueIndex, 0)}
                onChange={(event) => update({ venue: venues.venues[Number(event.detail.value)] ?? null }, 'venueId')}
              >
                <View className='form-picker lecture-edit__venue' hoverClass='form-picker--hover'>
                  <Text className={`form-picker__value${form.venue ? '' : ' form-picker__value--empty'}`}>
                    {form.venue ? form.venue.name : '再选场地'}
                  </Text>
                  <Text className='form-picker__action'>选择 ▾</Text>
                </View>
              </Picker>
            )}
            {form.venue && (
              <View className='lecture-edit__venue-info'>
                <Text className={`lecture-edit__venue-type lecture-edit__venue-type--${form.venue.type.toLowerCase()}`}>
                  {venueTypeLabel(form.venue.type)}
                </Text>
                <Text className='lecture-edit__venue-address'>{form.venue.address}</Text>
              </View>
            )}
          </>
        )}
      </CourseFormField>

      <CourseFormField label='时间（北京时间）' name='startsAt' error={errors.startsAt ?? errors.endsAt}>
        {!editable('startsAt') && lecture ? (
          <Text className='form-readonly lecture-edit__time-readonly'>{formatTimeRange(lecture.startsAt, lecture.endsAt)}</Text>
        ) : (
          <>
            <Picker mode='date' value={form.date} start={today} onChange={(event) => update({ date: event.detail.value }, 'startsAt')}>
              <View className='form-picker lecture-edit__date' hoverClass='form-picker--hover'>
                <Text className='form-picker__label'>日期</Text>
                <Text className='form-picker__value'>{form.date || '请选择'}</Text>
                <Text className='form-picker__action'>选择 ▾</Text>
              </View>
            </Picker>
            <View className='lecture-edit__times'>
              <Picker mode='time' value={form.startTime} onChange={(event) => update({ startTime: event.detail.value }, 'startsAt', 'endsAt')}>
                <View className='form-picker lecture-edit__start' hoverClass='form-picker--hover'>
                  <Text className='form-picker__label'>开始</Text>
                  <Text className='form-picker__value'>{form.startTime}</Text>
                </View>
              </Picker>
              <Text className='lecture-edit__to'>至</Text>
              <Picker mode='time' value={form.endTime} onChange={(event) => update({ endTime: event.detail.value }, 'endsAt')}>
                <View className='form-picker lecture-edit__end' hoverClass='form-picker--hover'>
                  <Text className='form-picker__label'>结束</Text>
                  <Text className='form-picker__value'>{form.endTime}</Text>
                </View>
              </Picker>
            </View>
          </>
        )}
      </CourseFormField>

      <View className='lecture-edit__numbers'>
        <CourseFormField
          label='人数上限'
          name='capacity'
          hint={lecture && lecture.status === 'PUBLISHED' ? `已预约 ${lecture.capacity - lecture.seatsLeft} 座，不能少于这个数` : undefined}
          error={errors.capacity}
        >
          <Input
            className='form-input lecture-edit__capacity'
            type='number'
            value={form.capacity}
            maxlength={4}
            onInput={(event) => update({ capacity: event.detail.value }, 'capacity')}
          />
        </CourseFormField>
        <CourseFormField label='每户最多几人' name='maxPartySize' error={errors.maxPartySize}>
          <Input
            className='form-input lecture-edit__party'
            type='number'
            value={form.maxPartySize}
            maxlength={2}
            onInput={(event) => update({ maxPartySize: event.detail.value }, 'maxPartySize')}
          />
        </CourseFormField>
      </View>

      <CourseFormField label='适合孩子的年龄段（可多选，不选为不限）' name='audienceAgeGroups' error={errors.audienceAgeGroups}>
        <View className='form-chips'>
          {AGE_GROUPS.map((group) => (
            <View
              key={group}
              className={`form-chip lecture-age lecture-age--${group.toLowerCase().replace(/_/g, '-')}${form.audienceAgeGroups.includes(group) ? ' form-chip--active' : ''}`}
              onClick={() => update({ audienceAgeGroups: toggleAgeGroup(form.audienceAgeGroups, group) }, 'audienceAgeGroups')}
            >
              {ageGroupLabel(group)}
            </View>
          ))}
        </View>
      </CourseFormField>

      <CourseFormField label='活动标签（选填）' name='campaignTag' hint='选一个，或在下面自己填写' error={errors.campaignTag}>
        <View className='form-chips'>
          {CAMPAIGN_TAGS.map((tag, index) => (
            <View
              key={tag}
              className={`form-chip lecture-campaign lecture-campaign--${index}${form.campaignTag === tag ? ' form-chip--active' : ''}`}
              onClick={() => update({ campaignTag: form.campaignTag === tag ? '' : tag }, 'campaignTag')}
            >
              {tag}
            </View>
          ))}
        </View>
        <Input
          className='form-input lecture-edit__campaign'
          value={tagIsPreset ? '' : form.campaignTag}
          placeholder='其他活动，比如：母亲节'
          maxlength={MAX_CAMPAIGN_TAG}
          onInput={(event) => update({ campaignTag: event.detail.value }, 'campaignTag')}
        />
      </CourseFormField>

      {sent ? (
        <View className='form-actions'>
          <Text className='form-note lecture-edit__sent'>{sent}，正在返回…</Text>
        </View>
      ) : !cancelled && (
        <View className='form-actions'>
          {failure && <Text className='form-failure lecture-edit__failure'>{failure}</Text>}
          <View
            className={`big-button big-button--primary lecture-edit__save${saving ? ' big-button--busy' : ''}`}
            hoverClass='big-button--hover'
            onClick={() => void save()}
          >
            {saving ? '正在提交…' : lecture ? '保存修改' : '提交申报'}
          </View>
          {!lecture && <Text className='form-field__hint'>提交后由场地所在县区的妇联工作人员审核，通过后家长才能预约。</Text>}
        </View>
      )}
    </View>
  )
}
