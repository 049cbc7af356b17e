import { Text, View } from '@tarojs/components'
import type { LecturerLectureQuery } from '../../packages/lecturer/gql/graphql'
import { topicLabel } from '../../utils/feedback'
import { formatDate } from '../../utils/format'
import './index.scss'

export type FeedbackSummary = NonNullable<NonNullable<LecturerLectureQuery['lecture']>['feedbackSummary']>

function percent(part: number, total: number): string {
  return total > 0 ? `${Math.round((part / total) * 100)}%` : '—'
}

/** What the households said: the average, the stars, the short survey, and their comments. */
export default function LecturerFeedback({ summary }: { summary: FeedbackSummary }) {
  const top = Math.max(1, ...summary.ratingCounts)
  const understood = summary.understoodYes + summary.understoodNo
  const willTry = summary.willTryYes + summary.willTryNo
  return (
    <View className='lecturer-feedback'>
      <Text className='lecturer-feedback__heading'>家长评价</Text>
      <View className='lecturer-feedback__overall'>
        <Text className='lecturer-feedback__average'>{summary.averageRating != null ? summary.averageRating.toFixed(1) : '—'}</Text>
        <Text className='lecturer-feedback__count'>分 · {summary.count} 户评价</Text>
      </View>

      <View className='lecturer-feedback__stars'>
        {[5, 4, 3, 2, 1].map((stars) => {
          const count = summary.ratingCounts[stars - 1] ?? 0
          return (
            <View key={stars} className='lecturer-feedback__star-row'>
              <Text className='lecturer-feedback__star-label'>{stars} 星</Text>
              <View className='lecturer-feedback__bar'>
                <View className='lecturer-feedback__bar-fill' style={{ width: `${(count / top) * 100}%` }} />
              </View>
              <Text className='lecturer-feedback__star-count'>{count}</Text>
            </View>
          )
        })}
      </View>

      {understood > 0 && (
        <Text className='lecturer-feedback__line'>
          听得懂：{summary.understoodYes} 户（{percent(summary.understoodYes, understood)}），没太懂：{summary.understoodNo} 户
        </Text>
      )}
      {willTry > 0 && (
        <Text className='lecturer-feedback__line'>
          回家会试着用：{summary.willTryYes} 户（{percent(summary.willTryYes, willTry)}），不一定：{summary.willTryNo} 户
        </Text>
      )}
      {summary.wantedTopics.length > 0 && (
        <View className='lecturer-feedback__topics'>
          <Text className='lecturer-feedback__subheading'>还想听</Text>
          <View className='lecturer-feedback__chips'>
            {summary.wantedTopics.map((t) => (
              <Text key={t.topic} className='lecturer-feedback__chip'>
                {topicLabel(t.topic)} {t.count}
              </Text>
            ))}
          </View>
        </View>
      )}

      {summary.comments.length > 0 && (
        <View className='lecturer-feedback__comments'>
          <Text className='lecturer-feedback__subheading'>留言</Text>
          {summary.comments.map((c, index) => (
            <View key={`${c.createdAt}-${index}`} className='lecturer-feedback__comment'>
              <Text className='lecturer-feedback__comment-meta'>
                {'★'.repeat(c.rating)} · {formatDate(c.createdAt)}
              </Text>
              <Text className='lecturer-feedback__comment-text'>{c.comment}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
