import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { VenueType } from '../../gql/graphql'
import LectureCard from '../../components/LectureCard'
import VenueChips from '../../components/VenueChips'
import CountyPicker from '../../components/CountyPicker'
import PageRoot from '../../components/PageRoot'
import StatusView from '../../components/StatusView'
import { useLectureList } from '../../hooks/useLectureList'
import { useCounties } from '../../hooks/useCounties'
import { useNow } from '../../hooks/useNow'
import { totalLabel } from '../../utils/format'
import './index.scss'

function openCourses() {
  void Taro.navigateTo({ url: '/packages/learning/index' })
}

function openLecture(id: string) {
  void Taro.navigateTo({ url: `/pages/lecture/index?id=${encodeURIComponent(id)}` })
}

export default function IndexPage() {
  const [venueType, setVenueType] = useState<VenueType | null>(null)
  const [countyCode, setCountyCode] = useState<string | null>(null)
  const counties = useCounties()
  const list = useLectureList(venueType, countyCode)
  const now = useNow()

  useReachBottom(() => {
    void list.loadMore()
  })

  usePullDownRefresh(() => {
    // Pulling down is how people "try again": fetch the counties too if they failed before.
    const countiesRetry = counties.failed ? counties.retry() : Promise.resolve()
    void Promise.all([list.reload(), countiesRetry]).finally(() => Taro.stopPullDownRefresh())
  })

  const retry = () => {
    if (counties.failed) void counties.retry()
    void list.reload()
  }

  const resetFilters = () => {
    setVenueType(null)
    setCountyCode(null)
  }

  return (
    <PageRoot className='home'>
      {/* One slim row: the courses are a tap away without pushing the lectures down. */}
      <View className='home-courses' hoverClass='home-courses--hover' onClick={openCourses}>
        <Text className='home-courses__title'>家庭教育课程</Text>
        <Text className='home-courses__hint'>在家也能学 ›</Text>
      </View>
      <View className='home__filters'>
        <VenueChips value={venueType} onChange={setVenueType} />
        <View className='home__county'>
          <CountyPicker
            counties={counties.counties}
            value={countyCode}
            onChange={setCountyCode}
            status={counties.status}
            onRetry={() => void counties.retry()}
          />
        </View>
      </View>

      <View className='lecture-list'>
        {list.status === 'loading' && <StatusView kind='loading' message='正在加载讲座…' />}

        {list.status === 'error' && (
          <StatusView kind='error' message={list.error ?? ''} actionText='重试' onAction={retry} />
        )}

        {list.status === 'ready' && (
          <>
            <View className='lecture-list__header'>
              <Text className='lecture-list__heading'>近期讲座</Text>
              <Text className='lecture-list__total'>{totalLabel(list.totalCount)}</Text>
            </View>

            {list.items.length === 0 ? (
              <StatusView
                kind='empty'
                message='没有找到讲座，换个条件试试'
                actionText={venueType || countyCode ? '看全部讲座' : undefined}
                onAction={resetFilters}
              />
            ) : (
              list.items.map((lecture) => (
                <LectureCard key={lecture.id} lecture={lecture} onOpen={openLecture} now={now} />
              ))
            )}

            <ListFooter
              shown={list.items.length > 0}
              loadingMore={list.loadingMore}
              hasNextPage={list.hasNextPage}
              moreError={list.moreError}
              onLoadMore={() => void list.loadMore()}
            />
          </>
        )}
      </View>
    </PageRoot>
  )
}

interface FooterProps {
  shown: boolean
  loadingMore: boolean
  hasNextPage: boolean
  moreError: string | null
  onLoadMore: () => void
}

/** End of the list: scrolling loads more by itself; the button is there for those who prefer to tap. */
function ListFooter({ shown, loadingMore, hasNextPage, moreError, onLoadMore }: FooterProps) {
  if (!shown) return null
  let content
  if (loadingMore) content = <Text className='lecture-list__hint'>正在加载更多…</Text>
  else if (moreError)
    content = (
      <>
        <Text className='lecture-list__hint'>{moreError}</Text>
        <View className='big-button lecture-list__more' hoverClass='big-button--hover' onClick={onLoadMore}>
          重试
        </View>
      </>
    )
  else if (hasNextPage)
    content = (
      <View className='big-button lecture-list__more' hoverClass='big-button--hover' onClick={onLoadMore}>
        加载更多
      </View>
    )
  else content = <Text className='lecture-list__hint'>已经到底了</Text>
  return <View className='lecture-list__footer'>{content}</View>
}
