import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { OrgPagesOutreachTargetsDocument, OrgPagesSetOutreachTargetsDocument, type OrgPagesTargetFragment } from './gql/graphql'
import CountyPicker from '../../components/CountyPicker'
import StatusView from '../../components/StatusView'
import { useCounties } from '../../hooks/useCounties'
import { useLeaveWarning } from '../../hooks/useLeaveWarning'
import { useQueryState } from '../../hooks/useQueryState'
import { FIX_FIELDS } from '../../services/errors'
import { isApiError, messageOf, request } from '../../services/graphql'
import { beijingYearNow, formatDate, outreachYears, venueTypeLabel, VENUE_TYPES } from '../../utils/format'
import OrganizerGate, { type Organizer } from './pages-gate'
import YearPicker from './year-picker'
import {
  targetFieldErrors,
  targetFormChanged,
  targetFormOf,
  targetsInput,
  type TargetErrors,
  type TargetField,
  type TargetForm,
} from './outreach-pages'
import type { VenueType } from '../../gql/graphql'
import '../../components/CourseFormField/index.scss'
import './pages.scss'

export default function TargetsPage() {
  const { params } = useRouter()
  return (
    <OrganizerGate className='orgp-targets' title='妇联工作人员登录后查看目标'>
      {(organizer) => <TargetsView organizer={organizer} params={params} />}
    </OrganizerGate>
  )
}

function TargetsView({ organizer, params }: { organizer: Organizer; params: Record<string, string | undefined> }) {
  const years = outreachYears()
  const asked = Number(params.year)
  const [year, setYear] = useState(() => (years.includes(asked) ? asked : beijingYearNow()))
  const askedCounty = params.county && /^\d{6}$/.test(params.county) ? params.county : null
  // A county organizer's scope is their county, whatever the link says; the city picks.
  const [countyCode, setCountyCode] = useState<string | null>(organizer.citywide ? askedCounty : organizer.countyCode)
  const counties = useCounties()
  const countyName = countyCode ? counties.counties.find((county) => county.code === countyCode)?.name ?? '' : '全市'
  // Typed targets not yet saved: leaving the page asks (WeChat), and so does switching year or county,
  // which shows another year's or county's form in place of this one.
  const [unsaved, setUnsaved] = useState(false)
  const unsavedNow = useRef(false)
  unsavedNow.current = unsaved
  useLeaveWarning(unsaved)

  const switchTo = async (change: () => void) => {
    if (unsavedNow.current) {
      const { confirm } = await Taro.showModal({
        title: '目标还没有保存',
        content: '换过去，刚填的目标就没有了。确定要换吗？',
        confirmText: '换过去',
        cancelText: '留下保存',
      })
      if (!confirm) return
    }
    setUnsaved(false)
    change()
  }

  const { state, reload } = useQueryState(
    async () => (await request(OrgPagesOutreachTargetsDocument, { year, countyCode })).outreachTargets,
    [year, countyCode],
  )

  return (
    <View className='orgp__body'>
      <View className='orgp-targets__pickers'>
        <YearPicker className='orgp-targets__year' years={years} value={year} onChange={(next) => void switchTo(() => setYear(next))} />
        {organizer.citywide ? (
          <CountyPicker
            className='orgp-targets__scope'
            label='范围'
            counties={counties.counties}
            value={countyCode}
            status={counties.status}
            onRetry={() => void counties.retry()}
            onChange={(next) => {
              if (next !== countyCode) void switchTo(() => setCountyCode(next))
            }}
          />
        ) : (
          <View className='form-picker form-picker--disabled orgp-targets__scope'>
            <Text className='form-picker__value orgp-targets__scope-value'>{countyName}</Text>
          </View>
        )}
      </View>
      {!organizer.citywide && <Text className='form-note orgp-targets__readonly-note'>目标由市妇联设定，这里只能查看。</Text>}
      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在加载目标…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : organizer.citywide ? (
        <TargetsForm key={`${year}-${countyCode ?? 'city'}`} year={year} countyCode={countyCode} targets={state.data} onUnsaved={setUnsaved} />
      ) : (
        <TargetsTable targets={state.data} />
      )}
    </View>
  )
}

function latestUpdate(targets: ReadonlyArray<OrgPagesTargetFragment>): string | null {
  const latest = targets.reduce<string | null>((at, target) => (!at || target.updatedAt > at ? target.updatedAt : at), null)
  return latest ? `最近修改：${formatDate(latest)}` : null
}

function TargetsTable({ targets }: { targets: ReadonlyArray<OrgPagesTargetFragment> }) {
  const updated = latestUpdate(targets)
  return (
    <View className='orgp-targets__table'>
      {VENUE_TYPES.map((type) => {
        const target = targets.find((row) => row.venueType === type)
        return (
          <View key={type} className={`orgp-card orgp-target orgp-target--${type.toLowerCase()}`}>
            <Text className={`orgp-badge orgp-badge--${type.toLowerCase()}`}>{venueTypeLabel(type)}</Text>
            {target ? (
              <View className='orgp-target__values'>
                <Text className='orgp-target__value orgp-target__value--lectures'>{target.lectures} 场</Text>
                <Text className='orgp-target__value orgp-target__value--people'>{target.people} 人</Text>
              </View>
            ) : (
              <Text className='orgp-target__unset'>未设定</Text>
            )}
          </View>
        )
      })}
      {targets.length === 0 && <Text className='form-field__hint'>今年的目标还没有设定。</Text>}
      {updated && <Text className='form-field__hint'>{updated}</Text>}
    </View>
  )
}

function TargetsForm({
  year,
  countyCode,
  targets,
  onUnsaved,
}: {
  year: number
  countyCode: string | null
  targets: ReadonlyArray<OrgPagesTargetFragment>
  onUnsaved: (unsaved: boolean) => void
}) {
  const [loaded, setLoaded] = useState<TargetForm>(() => targetFormOf(targets))
  const [form, setForm] = useState<TargetForm>(loaded)
  const [errors, setErrors] = useState<TargetErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [updated, setUpdated] = useState(() => latestUpdate(targets))
  const savingNow = useRef(false)
  const changed = targetFormChanged(form, loaded)
  useEffect(() => onUnsaved(changed), [changed, onUnsaved])

  const update = (type: VenueType, field: TargetField, value: string) => {
    setForm((current) => ({ ...current, [type]: { ...current[type], [field]: value } }))
    const key = `${type}.${field}` as const
    if (errors[key]) {
      setErrors((current) => {
        const next = { ...current }
        delete next[key]
        return next
      })
    }
  }

  const save = async () => {
    if (savingNow.current) return
    const built = targetsInput(form, loaded)
    if ('errors' in built) {
      setErrors(built.errors)
      setFailure(FIX_FIELDS)
      return
    }
    if (built.targets.length === 0) {
      void Taro.showToast({ title: '没有改动', icon: 'none' })
      return
    }
    savingNow.current = true
    setSaving(true)
    setFailure(null)
    setErrors({})
    try {
      const { setOutreachTargets } = await request(OrgPagesSetOutreachTargetsDocument, { input: { year, countyCode, targets: built.targets } })
      const saved = targetFormOf(setOutreachTargets)
      setLoaded(saved)
      setForm(saved)
      setUpdated(latestUpdate(setOutreachTargets))
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      const fields = isApiError(error) && error.code === 'BAD_USER_INPUT' ? targetFieldErrors(error.errors, built.targets) : {}
      if (Object.keys(fields).length > 0) {
        setErrors(fields)
        setFailure(fields.form ?? FIX_FIELDS)
      } else {
        setFailure(messageOf(error))
      }
    } finally {
      savingNow.current = false
      setSaving(false)
    }
  }

  const sum = (field: TargetField) => VENUE_TYPES.reduce((total, type) => total + (Number(loaded[type][field]) || 0), 0)
  return (
    <View className='orgp-targets__form'>
      {VENUE_TYPES.map((type) => {
        const lecturesError = errors[`${type}.lectures`]
        const peopleError = errors[`${type}.people`]
        return (
          <View key={type} className={`orgp-card orgp-target orgp-target--${type.toLowerCase()}${lecturesError || peopleError ? ' orgp-target--invalid' : ''}`}>
            <Text className={`orgp-badge orgp-badge--${type.toLowerCase()}`}>{venueTypeLabel(type)}</Text>
            <View className='orgp-target__inputs'>
              <View className='orgp-target__field orgp-target__field--lectures'>
                <Text className='orgp-target__label'>场次</Text>
                <Input
                  className='form-input orgp-target__input orgp-target__input--lectures'
                  type='number'
                  value={form[type].lectures}
                  placeholder='未设定'
                  maxlength={6}
                  onInput={(event) => update(type, 'lectures', event.detail.value)}
                />
              </View>
              <View className='orgp-target__field orgp-target__field--people'>
                <Text className='orgp-target__label'>人数</Text>
                <Input
                  className='form-input orgp-target__input orgp-target__input--people'
                  type='number'
                  value={form[type].people}
                  placeholder='未设定'
                  maxlength={8}
                  onInput={(event) => update(type, 'people', event.detail.value)}
                />
              </View>
            </View>
            {lecturesError && <Text className='form-field__error orgp-target__error orgp-target__error--lectures'>{lecturesError}</Text>}
            {peopleError && <Text className='form-field__error orgp-target__error orgp-target__error--people'>{peopleError}</Text>}
          </View>
        )
      })}
      <Text className='form-field__hint orgp-targets__sum'>
        已保存合计：{sum('lectures')} 场 · {sum('people')} 人{updated ? `（${updated}）` : ''}
      </Text>
      {!countyCode && <Text className='form-field__hint'>全市某类未设定时，统计按各县区该类目标相加。</Text>}
      <View className='form-actions'>
        {failure && <Text className='form-failure orgp-targets__failure'>{failure}</Text>}
        <View className={`big-button big-button--primary orgp-targets__save${saving ? ' big-button--busy' : ''}`} hoverClass='big-button--hover' onClick={() => void save()}>
          {saving ? '正在保存…' : '保存目标'}
        </View>
      </View>
    </View>
  )
}
