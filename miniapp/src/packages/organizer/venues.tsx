import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { OrgPagesVenuesDocument, type OrgPagesVenueFragment } from './gql/graphql'
import CountyPicker from '../../components/CountyPicker'
import StatusView from '../../components/StatusView'
import VenueChips, { type VenueChoice } from '../../components/VenueChips'
import { useCounties } from '../../hooks/useCounties'
import { useQueryState } from '../../hooks/useQueryState'
import { request } from '../../services/graphql'
import { venueTypeLabel, VENUE_TYPES } from '../../utils/format'
import OrganizerGate, { type Organizer } from './pages-gate'
import { practiceBaseLabel } from './outreach-pages'
import './pages.scss'

export default function VenuesPage() {
  return (
    <OrganizerGate className='orgp-venues' title='妇联工作人员登录后管理场地'>
      {(organizer) => <VenuesView organizer={organizer} />}
    </OrganizerGate>
  )
}

/** In service first, then the 五进 order, then by name. */
function sorted(venues: ReadonlyArray<OrgPagesVenueFragment>): OrgPagesVenueFragment[] {
  return [...venues].sort(
    (a, b) =>
      Number(a.retired) - Number(b.retired) ||
      VENUE_TYPES.indexOf(a.type) - VENUE_TYPES.indexOf(b.type) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )
}

function VenuesView({ organizer }: { organizer: Organizer }) {
  const counties = useCounties()
  const [county, setCounty] = useState<string | null>(organizer.countyCode)
  const [type, setType] = useState<VenueChoice>(null)
  const countyCode = organizer.citywide ? county : organizer.countyCode

  // Back from the form (created, changed, retired, deleted): ask again quietly.
  const { state, reload, refresh } = useQueryState(async () => (await request(OrgPagesVenuesDocument, { countyCode, type })).venues, [countyCode, type], {
    refreshOnShow: true,
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  const open = (id?: string) => void Taro.navigateTo({ url: `/packages/organizer/venue-edit${id ? `?id=${encodeURIComponent(id)}` : ''}` })

  return (
    <View className='orgp__body'>
      <View className='big-button big-button--primary orgp-venues__new' hoverClass='big-button--hover' onClick={() => open()}>
        ＋ 新增场地
      </View>
      {organizer.citywide ? (
        <CountyPicker
          className='orgp-venues__county'
          label='县区'
          allLabel='全部县区'
          counties={counties.counties}
          value={countyCode}
          status={counties.status}
          onRetry={() => void counties.retry()}
          onChange={setCounty}
        />
      ) : (
        <Text className='orgp__summary'>管理范围：{counties.counties.find((c) => c.code === countyCode)?.name ?? ''}</Text>
      )}
      <VenueChips value={type} onChange={setType} />
      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在加载场地…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : state.data.length === 0 ? (
        <StatusView kind='empty' message='这里还没有场地，点上面“新增场地”添加。' />
      ) : (
        <>
          <Text className='orgp__summary orgp-venues__total'>
            共 {state.data.length} 处{state.data.some((v) => v.retired) ? `，其中 ${state.data.filter((v) => v.retired).length} 处已停用` : ''}
          </Text>
          {sorted(state.data).map((venue) => (
            <VenueCard key={venue.id} venue={venue} onOpen={() => open(venue.id)} />
          ))}
        </>
      )}
    </View>
  )
}

function VenueCard({ venue, onOpen }: { venue: OrgPagesVenueFragment; onOpen: () => void }) {
  return (
    <View className={`orgp-card orgp-venue${venue.retired ? ' orgp-venue--retired' : ''}`} hoverClass='orgp-card--hover' onClick={onOpen}>
      <View className='orgp-card__top'>
        <Text className={`orgp-badge orgp-badge--${venue.type.toLowerCase()}`}>{venueTypeLabel(venue.type)}</Text>
        {venue.retired && <Text className='orgp-venue__retired'>已停用</Text>}
      </View>
      <Text className='orgp-card__title orgp-venue__name'>{venue.name}</Text>
      {venue.isPracticeBase && <Text className='orgp-venue__base'>{practiceBaseLabel(venue.practiceBaseYear)}</Text>}
      <Text className='orgp-card__line orgp-venue__address'>
        {venue.county.name}
        {venue.township ? ` · ${venue.township}` : ''} · {venue.address}
      </Text>
      {(venue.contactName || venue.contactPhone) && (
        <Text className='orgp-card__line'>
          联系人：{[venue.contactName, venue.contactPhone].filter(Boolean).join(' ')}
        </Text>
      )}
      <Text className='orgp-card__line orgp-venue__lectures'>讲座 {venue.lectureCount ?? 0} 场</Text>
      <Text className='orgp-card__more'>修改 ›</Text>
    </View>
  )
}
