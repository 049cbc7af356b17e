import { useEffect, useRef, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import {
  OrgPagesCreateVenueDocument,
  OrgPagesDeleteVenueDocument,
  OrgPagesRestoreVenueDocument,
  OrgPagesRetireVenueDocument,
  OrgPagesUpdateVenueDocument,
  OrgPagesVenueDetailDocument,
  type OrgPagesVenueFragment,
} from './gql/graphql'
import CountyPicker from '../../components/CountyPicker'
import CourseFormField from '../../components/CourseFormField'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useLeaveWarning } from '../../hooks/useLeaveWarning'
import { useQueryState } from '../../hooks/useQueryState'
import { FIX_FIELDS } from '../../services/errors'
import { isApiError, messageOf, request } from '../../services/graphql'
import { venueTypeLabel, VENUE_TYPES } from '../../utils/format'
import { decodeRouteParam, navigateBackOr } from '../../utils/route'
import OrganizerGate, { type Organizer } from './pages-gate'
import {
  emptyVenueForm,
  practiceBaseLabel,
  venueFieldErrors,
  venueFormChanged,
  venueFormOf,
  venueInput,
  type VenueErrors,
  type VenueField,
  type VenueFormState,
} from './outreach-pages'
import './pages.scss'

const VENUES = '/packages/organizer/venues'

function leave() {
  navigateBackOr(VENUES, Taro)
}

export default function VenueEditPage() {
  const { params } = useRouter()
  const id = decodeRouteParam(params.id) ?? null
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '修改场地' : '新增场地' })
  }, [id])
  return (
    <OrganizerGate className='orgp-venue-edit' title='妇联工作人员登录后管理场地'>
      {(organizer) => (id ? <ExistingVenue id={id} organizer={organizer} /> : <VenueForm venue={null} organizer={organizer} />)}
    </OrganizerGate>
  )
}

function ExistingVenue({ id, organizer }: { id: string; organizer: Organizer }) {
  const { state, reload } = useQueryState(async () => (await request(OrgPagesVenueDetailDocument, { id })).venue, [id], { notFoundOnMissing: true })
  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'notFound') return <StatusView kind='empty' message='没有找到这个场地（可能已删除）' actionText='返回' onAction={leave} />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  return <VenueForm key={state.data.id} venue={state.data} organizer={organizer} />
}

function VenueForm({ venue: loaded, organizer }: { venue: OrgPagesVenueFragment | null; organizer: Organizer }) {
  const [venue, setVenue] = useState(loaded)
  // What the form started from (the venue as last saved, or an empty form): leaving with anything
  // else typed asks first (WeChat).
  const [start, setStart] = useState<VenueFormState>(() => (loaded ? venueFormOf(loaded) : emptyVenueForm(organizer.countyCode)))
  const [form, setForm] = useState<VenueFormState>(start)
  const [errors, setErrors] = useState<VenueErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState<null | 'save' | 'retire' | 'delete'>(null)
  // Done (created or deleted): the page is on its way back; nothing more may be sent from it.
  const [done, setDone] = useState<string | null>(null)
  const busyNow = useRef(false)
  const counties = useCounties()
  const countyName = counties.counties.find((county) => county.code === form.countyCode)?.name ?? venue?.county.name ?? ''
  useLeaveWarning(!done && venueFormChanged(form, start))

  const update = (patch: Partial<VenueFormState>, ...fields: VenueField[]) => {
    setForm((current) => ({ ...current, ...patch }))
    if (fields.some((field) => errors[field])) {
      setErrors((current) => {
        const next = { ...current }
        for (const field of fields) delete next[field]
        return next
      })
    }
  }

  /** One request at a time from this page: a second tap while one is out does nothing. */
  async function run(kind: 'save' | 'retire' | 'delete', work: () => Promise<void>) {
    if (busyNow.current || done) return
    busyNow.current = true
    setBusy(kind)
    setFailure(null)
    try {
      await work()
    } catch (error) {
      const fields = isApiError(error) && (error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT') ? venueFieldErrors(error.errors, error.code === 'CONFLICT') : {}
      if (Object.keys(fields).length > 0) {
        setErrors(fields)
        setFailure(FIX_FIELDS)
      } else if (isApiError(error) && error.code === 'CONFLICT') {
        setFailure(kind === 'delete' ? '这个场地已有讲座，不能删除，可以停用。' : '场地信息刚刚有变化，请返回后重新打开。')
      } else {
        setFailure(messageOf(error))
      }
    } finally {
      busyNow.current = false
      setBusy(null)
    }
  }

  const save = () => {
    if (busyNow.current || done) return
    const built = venueInput(form)
    if ('errors' in built) {
      setErrors(built.errors)
      setFailure(FIX_FIELDS)
      return
    }
    setErrors({})
    void run('save', async () => {
      if (venue) {
        const { updateVenue } = await request(OrgPagesUpdateVenueDocument, { id: venue.id, input: built.input })
        setVenue(updateVenue)
        const saved = venueFormOf(updateVenue)
        setStart(saved)
        setForm(saved)
        void Taro.showToast({ title: '已保存', icon: 'success' })
      } else {
        await request(OrgPagesCreateVenueDocument, { input: built.input })
        setDone('已添加')
        void Taro.showToast({ title: '已添加', icon: 'success' })
        setTimeout(leave, 800)
      }
    })
  }

  const retireOrRestore = async () => {
    if (!venue || busyNow.current) return
    const retiring = !venue.retired
    const { confirm } = await Taro.showModal({
      title: retiring ? '停用这个场地？' : '恢复这个场地？',
      content: retiring ? '停用后不能再在这里申报新讲座；已举办的讲座照常统计。' : '恢复后讲师可以再在这里申报讲座。',
      confirmText: retiring ? '停用' : '恢复',
      cancelText: '再想想',
    })
    if (!confirm) return
    void run('retire', async () => {
      const next = retiring ? (await request(OrgPagesRetireVenueDocument, { id: venue.id })).retireVenue : (await request(OrgPagesRestoreVenueDocument, { id: venue.id })).restoreVenue
      setVenue(next)
      void Taro.showToast({ title: retiring ? '已停用' : '已恢复', icon: 'success' })
    })
  }

  const remove = async () => {
    if (!venue || busyNow.current) return
    const { confirm } = await Taro.showModal({
      title: '删除这个场地？',
      content: `“${venue.name}”删除后不能恢复。`,
      confirmText: '删除',
      cancelText: '再想想',
      confirmColor: '#b8322e',
    })
    if (!confirm) return
    void run('delete', async () => {
      await request(OrgPagesDeleteVenueDocument, { id: venue.id })
      setDone('已删除')
      void Taro.showToast({ title: '已删除', icon: 'success' })
      setTimeout(leave, 800)
    })
  }

  return (
    <View className='orgp__body orgp-venue-form'>
      {venue?.retired && <Text className='form-note orgp-venue-form__retired'>这个场地已停用：不能再申报新讲座，已举办的讲座照常统计。</Text>}

      <CourseFormField label='场地名称' name='name' error={errors.name}>
        <Input className='form-input orgp-venue-form__name' value={form.name} placeholder='比如：水南街道社区家长学校' maxlength={60} onInput={(e) => update({ name: e.detail.value }, 'name')} />
      </CourseFormField>

      <CourseFormField label='类型' name='type' error={errors.type}>
        <View className='form-chips'>
          {VENUE_TYPES.map((type) => (
            <View
              key={type}
              className={`form-chip orgp-venue-type orgp-venue-type--${type.toLowerCase()}${form.type === type ? ' form-chip--active' : ''}`}
              onClick={() => update({ type }, 'type')}
            >
              {venueTypeLabel(type)}
            </View>
          ))}
        </View>
      </CourseFormField>

      <CourseFormField label='县区' name='countyCode' error={errors.countyCode}>
        {organizer.citywide ? (
          <CountyPicker
            className='orgp-venue-form__county'
            label='县区'
            allLabel={null}
            placeholder='请选择县区'
            counties={counties.counties}
            value={form.countyCode}
            status={counties.status}
            onRetry={() => void counties.retry()}
            onChange={(countyCode) => update({ countyCode }, 'countyCode')}
          />
        ) : (
          <Text
            className={`form-readonly orgp-venue-form__county-readonly${!countyName && counties.failed ? ' orgp-venue-form__county-readonly--failed' : ''}`}
            onClick={() => {
              if (!countyName && counties.failed) void counties.retry()
            }}
          >
            {countyName || (counties.failed ? '县区加载失败，点此重试' : '正在加载县区…')}
          </Text>
        )}
      </CourseFormField>

      <CourseFormField label='乡镇/街道（选填）' name='township' error={errors.township}>
        <Input className='form-input orgp-venue-form__township' value={form.township} placeholder='比如：水南街道' maxlength={30} onInput={(e) => update({ township: e.detail.value }, 'township')} />
      </CourseFormField>

      <CourseFormField label='地址' name='address' error={errors.address}>
        <Input className='form-input orgp-venue-form__address' value={form.address} placeholder='比如：滨江中路 8 号' maxlength={120} onInput={(e) => update({ address: e.detail.value }, 'address')} />
      </CourseFormField>

      <CourseFormField label='坐标（选填，纬度和经度）' name='location' hint='可在地图软件里长按位置查看，比如 26.64、118.17' error={errors.location}>
        <View className='orgp-venue-form__pair'>
          <Input className='form-input orgp-venue-form__latitude' type='digit' value={form.latitude} placeholder='纬度' maxlength={14} onInput={(e) => update({ latitude: e.detail.value }, 'location')} />
          <Input className='form-input orgp-venue-form__longitude' type='digit' value={form.longitude} placeholder='经度' maxlength={14} onInput={(e) => update({ longitude: e.detail.value }, 'location')} />
        </View>
      </CourseFormField>

      <CourseFormField label='联系人（选填）' name='contactName' error={errors.contactName}>
        <Input className='form-input orgp-venue-form__contact-name' value={form.contactName} placeholder='姓名' maxlength={20} onInput={(e) => update({ contactName: e.detail.value }, 'contactName')} />
      </CourseFormField>

      <CourseFormField label='联系电话（选填）' name='contactPhone' error={errors.contactPhone}>
        <Input className='form-input orgp-venue-form__contact-phone' type='text' value={form.contactPhone} placeholder='手机或固定电话' maxlength={13} onInput={(e) => update({ contactPhone: e.detail.value }, 'contactPhone')} />
      </CourseFormField>

      <CourseFormField label='家庭教育创新实践基地' name='practiceBaseYear' error={errors.practiceBaseYear}>
        <View className='orgp-venue-form__switch-row'>
          <Text className='orgp-venue-form__switch-label'>{form.isPracticeBase ? '是实践基地' : '不是实践基地'}</Text>
          <Switch className='orgp-venue-form__base' checked={form.isPracticeBase} color='#b8322e' onChange={(e) => update({ isPracticeBase: e.detail.value }, 'practiceBaseYear')} />
        </View>
        {form.isPracticeBase && (
          <Input className='form-input orgp-venue-form__base-year' type='number' value={form.practiceBaseYear} placeholder='命名年份，比如 2023' maxlength={4} onInput={(e) => update({ practiceBaseYear: e.detail.value }, 'practiceBaseYear')} />
        )}
      </CourseFormField>

      {done ? (
        <View className='form-actions'>
          <Text className='form-note orgp-venue-form__done'>{done}，正在返回…</Text>
        </View>
      ) : (
        <View className='form-actions'>
          {failure && <Text className='form-failure orgp-venue-form__failure'>{failure}</Text>}
          <View className={`big-button big-button--primary orgp-venue-form__save${busy === 'save' ? ' big-button--busy' : ''}`} hoverClass='big-button--hover' onClick={save}>
            {busy === 'save' ? '正在保存…' : venue ? '保存修改' : '添加场地'}
          </View>
          {venue && (
            <>
              {venue.isPracticeBase && <Text className='form-field__hint'>{practiceBaseLabel(venue.practiceBaseYear)}</Text>}
              <View className={`big-button orgp-venue-form__retire${busy === 'retire' ? ' big-button--busy' : ''}`} hoverClass='big-button--hover' onClick={() => void retireOrRestore()}>
                {venue.retired ? '恢复使用' : '停用场地'}
              </View>
              {(venue.lectureCount ?? 0) === 0 ? (
                <View className={`big-button orgp-venue-form__delete${busy === 'delete' ? ' big-button--busy' : ''}`} hoverClass='big-button--hover' onClick={() => void remove()}>
                  删除场地
                </View>
              ) : (
                <Text className='form-field__hint orgp-venue-form__no-delete'>这里已有 {venue.lectureCount} 场讲座，不能删除；不再使用时请停用。</Text>
              )}
            </>
          )}
        </View>
      )}
    </View>
  )
}
