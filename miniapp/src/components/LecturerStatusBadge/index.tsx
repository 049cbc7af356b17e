import { Text } from '@tarojs/components'
import type { LectureStatus } from '../../gql/graphql'
import './index.scss'

// Typed from the schema: a status added on the server fails the type check until it has a label.
const LABELS: Record<LectureStatus, string> = {
  DRAFT: '草稿',
  PROPOSED: '待审核',
  PUBLISHED: '已发布',
  REJECTED: '未通过',
  CANCELLED: '已取消',
}

/** 待审核 / 已发布 / 未通过 / 已取消 in a lecturer's own lists. */
export function lectureStatusLabel(status: LectureStatus | string): string {
  return LABELS[status as LectureStatus] ?? status
}

/** A lecture's review state, each in its own colour. */
export default function LecturerStatusBadge({ status }: { status: LectureStatus }) {
  return <Text className={`lecturer-status lecturer-status--${status.toLowerCase()}`}>{lectureStatusLabel(status)}</Text>
}
