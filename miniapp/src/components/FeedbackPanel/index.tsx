import { useEffect, useRef, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { LectureFeedbackDocument, SubmitFeedbackDocument, type FeedbackFieldsFragment } from '../../gql/graphql'
import { isApiError, request } from '../../services/graphql'
import {
  draftProblem,
  EMPTY_DRAFT,
  FEEDBACK_TOPICS,
  feedbackInput,
  feedbackRefusalMessage,
  MAX_COMMENT,
  MAX_TOPICS,
  ratingWord,
  toggleTopic,
  topicLabel,
  yesNoLabel,
  type FeedbackDraft,
} from '../../utils/feedback'
import './index.scss'

interface Props {
  lectureId: string
  /** Signed in, and the household may have attended: only then is the server asked. */
  enabled: boolean
}

type Shown = { kind: 'none' } | { kind: 'form' } | { kind: 'given'; feedback: FeedbackFieldsFragment; justNow: boolean }

/**
 * 评价本场讲座 on the lecture page, for a household that checked in: stars, an optional comment
 * and three short questions; once given, 您已评价 with what was said. Shows nothing otherwise
 * (also when the question cannot be answered: the lecture page must not fail because of it).
 */
export default function FeedbackPanel({ lectureId, enabled }: Props) {
  const [shown, setShown] = useState<Shown>({ kind: 'none' })
  const [draft, setDraft] = useState<FeedbackDraft>(EMPTY_DRAFT)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  /** Bumped to ask the server again. */
  const [check, setCheck] = useState(0)

  useEffect(() => {
    let current = true
    if (!enabled) {
      setShown({ kind: 'none' })
      return
    }
    request(LectureFeedbackDocument, { id: lectureId })
      .then(({ lecture }) => {
        if (!current) return
        if (lecture?.myFeedback) setShown({ kind: 'given', feedback: lecture.myFeedback, justNow: false })
        else setShown(lecture?.canGiveFeedback ? { kind: 'form' } : { kind: 'none' })
      })
      .catch(() => current && setShown({ kind: 'none' }))
    return () => {
      current = false
    }
  }, [lectureId, enabled, check])

  if (shown.kind === 'none') return null
  if (shown.kind === 'given') return <Given feedback={shown.feedback} justNow={shown.justNow} />

  const change = (patch: Partial<FeedbackDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setError(null)
  }

  // Promise chains, not async/await: the weapp build transpiles async functions into a state
  // machine, and this component ships in the main package.
  const submit = () => {
    const problem = draftProblem(draft)
    if (problem) return setError(problem)
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    request(SubmitFeedbackDocument, { input: feedbackInput(lectureId, draft) })
      .then(({ submitFeedback }) => setShown({ kind: 'given', feedback: submitFeedback, justNow: true }))
      .catch((failure) => {
        const code = isApiError(failure) ? failure.code : ''
        setError(feedbackRefusalMessage(code, isApiError(failure) ? failure.errors : []))
        // Given already (on another phone, or the answer to a first try was lost): show it.
        if (code === 'CONFLICT') setCheck((n) => n + 1)
      })
      .finally(() => {
        inFlight.current = false
        setBusy(false)
      })
  }

  return (
    <View className='feedback'>
      <Text className='feedback__heading'>评价本场讲座</Text>
      <Text className='feedback__lead'>感谢您来听讲座！说说您的感受，帮我们把讲座办得更好。</Text>

      <Stars value={draft.rating} onChange={(rating) => change({ rating })} />

      <Question label='讲的内容听得懂吗？' value={draft.understood} onChange={(understood) => change({ understood })} name='understood' />
      <Question label='回家会试着用吗？' value={draft.willTryAtHome} onChange={(willTryAtHome) => change({ willTryAtHome })} name='try' />

      <Text className='feedback__label'>还想听哪些主题？（最多选 {MAX_TOPICS} 个）</Text>
      <View className='feedback__topics'>
        {FEEDBACK_TOPICS.map((topic) => {
          const on = draft.wantedTopics.includes(topic)
          const full = !on && draft.wantedTopics.length >= MAX_TOPICS
          return (
            <View
              key={topic}
              className={`feedback-chip feedback-chip--${topic.toLowerCase()}${on ? ' feedback-chip--on' : ''}${full ? ' feedback-chip--full' : ''}`}
              onClick={() => change({ wantedTopics: toggleTopic(draft.wantedTopics, topic) })}
            >
              {topicLabel(topic)}
            </View>
          )
        })}
      </View>

      <Text className='feedback__label'>想说的话（可以不填）</Text>
      <Textarea
        className='feedback__comment'
        value={draft.comment}
        maxlength={MAX_COMMENT}
        placeholder='例如：哪里讲得好，哪里还想多听听'
        onInput={(e) => change({ comment: e.detail.value })}
      />
      <Text className='feedback__count'>
        {draft.comment.length}/{MAX_COMMENT}
      </Text>

      {error && <Text className='feedback__error'>{error}</Text>}
      <View
        className={`big-button big-button--primary feedback__submit${busy ? ' big-button--busy' : ''}`}
        hoverClass='big-button--hover'
        onClick={submit}
      >
        {busy ? '正在提交…' : '提交评价'}
      </View>
    </View>
  )
}

function Stars({ value, onChange, readOnly = false }: { value: number; onChange?: (n: number) => void; readOnly?: boolean }) {
  return (
    <View className={`feedback-stars${readOnly ? ' feedback-stars--small' : ''}`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          className={`feedback-star feedback-star--${n}${n <= value ? ' feedback-star--on' : ''}`}
          onClick={readOnly ? undefined : () => onChange?.(n)}
        >
          {n <= value ? '★' : '☆'}
        </Text>
      ))}
      <Text className='feedback-stars__word'>{value ? ratingWord(value) : readOnly ? '' : '点星星打分'}</Text>
    </View>
  )
}

interface QuestionProps {
  label: string
  name: string
  value: boolean | null
  onChange: (value: boolean | null) => void
}

function Question({ label, name, value, onChange }: QuestionProps) {
  return (
    <View className={`feedback-question feedback-question--${name}`}>
      <Text className='feedback__label'>{label}</Text>
      <View className='feedback-question__answers'>
        {[true, false].map((answer) => (
          <View
            key={String(answer)}
            className={`feedback-answer feedback-answer--${answer ? 'yes' : 'no'}${value === answer ? ' feedback-answer--on' : ''}`}
            onClick={() => onChange(value === answer ? null : answer)}
          >
            {answer ? '是' : '否'}
          </View>
        ))}
      </View>
    </View>
  )
}

function Given({ feedback, justNow }: { feedback: FeedbackFieldsFragment; justNow: boolean }) {
  return (
    <View className='feedback feedback--given'>
      <Text className='feedback__heading'>{justNow ? '谢谢您的评价！' : '您已评价'}</Text>
      <Stars value={feedback.rating} readOnly />
      <Text className='feedback__answer'>听得懂吗：{yesNoLabel(feedback.understood)}</Text>
      <Text className='feedback__answer'>回家会试着用吗：{yesNoLabel(feedback.willTryAtHome)}</Text>
      {feedback.wantedTopics.length > 0 && (
        <Text className='feedback__answer'>还想听：{feedback.wantedTopics.map(topicLabel).join('、')}</Text>
      )}
      {feedback.comment && <Text className='feedback__given-comment'>“{feedback.comment}”</Text>}
    </View>
  )
}
