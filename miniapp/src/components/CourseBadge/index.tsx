import { Text, View } from '@tarojs/components'
import type { CourseState } from '../../utils/courseContent'
import './index.scss'

interface Props {
  state: CourseState
  /** Show the rejection reason under the badges (我的课程 does; the editor shows it itself). */
  withReason?: boolean
}

/** 草稿 / 审核中 / 已发布 / 未通过 / 已归档, plus the state of an edit of a published course. */
export default function CourseBadge({ state, withReason = true }: Props) {
  return (
    <View className='course-badges'>
      <View className='course-badges__row'>
        <Text className={`course-badge course-badge--${state.badge.tone}`}>{state.badge.label}</Text>
        {state.change && <Text className={`course-badge course-badge--change course-badge--${state.change.tone}`}>{state.change.label}</Text>}
      </View>
      {withReason && state.rejectionReason && <Text className='course-badges__reason'>退回原因：{state.rejectionReason}</Text>}
    </View>
  )
}
