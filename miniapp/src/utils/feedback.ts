// Pure helpers for a parent's feedback on a lecture (评价本场讲座): labels, the three-topic limit,
// the input sent to submitFeedback, and refusals in plain words. No Taro, for unit tests.
import type { FeedbackInput, FeedbackTopic } from '../gql/graphql'
import type { GraphQLErrorPayload } from '../services/errors'

// Typed from the schema: a topic added on the server fails the type check here until it has a label.
const TOPIC_LABELS: Record<FeedbackTopic, string> = {
  COMMUNICATION: '亲子沟通',
  GRANDPARENTING: '隔代教育',
  STUDY_HABITS: '学习习惯',
  MENTAL_HEALTH: '心理健康',
  SAFETY: '安全教育',
  SCREEN_TIME: '孩子玩手机',
}

export const FEEDBACK_TOPICS = Object.keys(TOPIC_LABELS) as FeedbackTopic[]
export const MAX_TOPICS = 3
export const MAX_COMMENT = 500

export function topicLabel(topic: string): string {
  return TOPIC_LABELS[topic as FeedbackTopic] ?? topic
}

const RATING_WORDS = ['很不满意', '不太满意', '一般', '满意', '非常满意']

/** "满意" for 4 stars; nothing before a star is chosen. */
export function ratingWord(rating: number): string {
  return RATING_WORDS[rating - 1] ?? ''
}

/** Adds or removes a topic; a fourth is not added. Kept in the chips' order. */
export function toggleTopic(selected: ReadonlyArray<FeedbackTopic>, topic: FeedbackTopic): FeedbackTopic[] {
  if (selected.includes(topic)) return selected.filter((t) => t !== topic)
  if (selected.length >= MAX_TOPICS) return [...selected]
  const next = [...selected, topic]
  return FEEDBACK_TOPICS.filter((t) => next.includes(t))
}

export interface FeedbackDraft {
  rating: number
  comment: string
  understood: boolean | null
  willTryAtHome: boolean | null
  wantedTopics: FeedbackTopic[]
}

export const EMPTY_DRAFT: FeedbackDraft = { rating: 0, comment: '', understood: null, willTryAtHome: null, wantedTopics: [] }

/** What is wrong with the draft before sending, in plain words; null when it can be sent. */
export function draftProblem(draft: FeedbackDraft): string | null {
  if (!Number.isInteger(draft.rating) || draft.rating < 1 || draft.rating > 5) return '请先点星星打分（1 到 5 颗星）'
  if (draft.comment.trim().length > MAX_COMMENT) return `留言最多 ${MAX_COMMENT} 个字`
  if (draft.wantedTopics.length > MAX_TOPICS) return `主题最多选 ${MAX_TOPICS} 个`
  return null
}

/** The input for submitFeedback: an empty comment and unanswered questions are left out. */
export function feedbackInput(lectureId: string, draft: FeedbackDraft): FeedbackInput {
  const input: FeedbackInput = { lectureId, rating: draft.rating }
  const comment = draft.comment.trim()
  if (comment) input.comment = comment
  const survey: NonNullable<FeedbackInput['survey']> = {}
  if (draft.understood !== null) survey.understood = draft.understood
  if (draft.willTryAtHome !== null) survey.willTryAtHome = draft.willTryAtHome
  if (draft.wantedTopics.length > 0) survey.wantedTopics = draft.wantedTopics
  if (Object.keys(survey).length > 0) input.survey = survey
  return input
}

/** "是" / "否" / "未答" for a yes/no answer shown back. */
export function yesNoLabel(value: boolean | null | undefined): string {
  return value === true ? '是' : value === false ? '否' : '未答'
}

/** A refused submitFeedback in plain words (the server's messages are English). */
export function feedbackRefusalMessage(code: string, errors: ReadonlyArray<GraphQLErrorPayload> = []): string {
  if (code === 'CONFLICT') return '您已经评价过这场讲座了'
  if (code === 'FORBIDDEN') return '到场签到后才能评价这场讲座'
  if (code === 'UNAUTHENTICATED') return '请先登录'
  if (code === 'NOT_FOUND') return '讲座不存在或已下线'
  if (code === 'BAD_USER_INPUT') {
    const fields = errors.flatMap((e) => (Array.isArray(e.extensions?.fields) ? (e.extensions!.fields as Array<{ field?: string }>) : []))
    const names = fields.map((f) => String(f.field ?? ''))
    if (names.some((n) => n.endsWith('comment'))) return `留言最多 ${MAX_COMMENT} 个字`
    if (names.some((n) => n.endsWith('rating'))) return '请点 1 到 5 颗星打分'
    if (names.some((n) => n.includes('wantedTopics'))) return `主题最多选 ${MAX_TOPICS} 个`
    return '填写有误，请检查后再提交'
  }
  if (code === 'NETWORK_ERROR') return '网络不太好，没有提交成功，请再点一次“提交评价”'
  return '没有提交成功，请稍后再试'
}
