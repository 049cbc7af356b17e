import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Image, RichText, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ReviewApproveCourseDocument, ReviewApproveLectureDocument, ReviewCourseDetailDocument, ReviewLectureDetailDocument, ReviewRejectCourseDocument, ReviewRejectLectureDocument, type ReviewChapterFieldsFragment, type ReviewCourseDetailQuery, type ReviewDecisionFieldsFragment, type ReviewLectureDetailQuery } from './gql/graphql'
import CourseBadge from '../../components/CourseBadge'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { isApiError, messageOf, request } from '../../services/graphql'
import { chapterKindLabel, courseState, durationLabel } from '../../utils/courseContent'
import { formatDate, formatTime, formatTimeRange, venueTypeLabel } from '../../utils/format'
import { lectureStatusLabel } from '../../utils/lectureForm'
import { ageGroupLabel } from '../../utils/profile'
import { checkRejectionReason, decisionFailure, decisionKey, isReviewer, MAX_REJECTION_REASON, reviewVerdictLabel } from '../../utils/reviewDecision'
import { decodeRouteParam, navigateBackOr } from '../../utils/route'
import { decidedHere } from './decided'
import './review.scss'

type Course = NonNullable<ReviewCourseDetailQuery['course']>
type Lecture = NonNullable<ReviewLectureDetailQuery['lecture']>
type Kind = 'course' | 'lecture'

const QUEUE_PAGE = '/packages/organizer/index'

function backToQueue() {
  navigateBackOr(QUEUE_PAGE, Taro)
}

export default function ReviewPage() {
  const { token, user } = useSession()
  const { params } = useRouter()
  const kind: Kind | null = params.kind === 'course' || params.kind === 'lecture' ? params.kind : null
  const id = decodeRouteParam(params.id)
  return (
    <PageRoot className='review'>
      {!token || !user ? (
        <SignInPanel title='妇联工作人员登录后审核' />
      ) : !isReviewer(user.role) ? (
        <StatusView kind='empty' message='审核只对妇联工作人员开放。' />
      ) : !kind || !id ? (
        <StatusView kind='empty' message='没有找到要审核的内容' actionText='回到审核列表' onAction={backToQueue} />
      ) : (
        <ReviewLoader kind={kind} id={id} />
      )}
    </PageRoot>
  )
}

type Subject = { kind: 'course'; course: Course } | { kind: 'lecture'; lecture: Lecture }

function ReviewLoader({ kind, id }: { kind: Kind; id: string }) {
  const { state, reload } = useQueryState<Subject>(
    async () => {
      if (kind === 'course') {
        const { course } = await request(ReviewCourseDetailDocument, { id })
        return course ? { kind, course } : null
      }
      const { lecture } = await request(ReviewLectureDetailDocument, { id })
      return lecture ? { kind, lecture } : null
    },
    [kind, id],
    {
      notFoundOnMissing: true,
      errorMessage: (error) => (isApiError(error) && error.code === 'FORBIDDEN' ? '这一项不在您负责的县区。' : messageOf(error)),
    },
  )

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kind === 'course' ? '审核课程' : '审核讲座' })
  }, [kind])

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'notFound') return <StatusView kind='empty' message='没有找到，可能已被讲师撤回' actionText='回到审核列表' onAction={backToQueue} />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  const subject = state.data
  return subject.kind === 'course' ? (
    <>
      <CourseContent course={subject.course} />
      <History decisions={subject.course.reviewHistory} />
      <Decision
        kind='course'
        id={subject.course.id}
        revision={(subject.course.workingRevision ?? subject.course).revision}
        pending={(subject.course.workingRevision ?? subject.course).status === 'IN_REVIEW'}
      />
    </>
  ) : (
    <>
      <LectureContent lecture={subject.lecture} />
      <History decisions={subject.lecture.reviewHistory} />
      <Decision kind='lecture' id={subject.lecture.id} revision={subject.lecture.proposalRevision} pending={subject.lecture.status === 'PROPOSED'} />
    </>
  )
}

function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <View className={`review-card${className ? ` ${className}` : ''}`}>
      <Text className='review-card__title'>{title}</Text>
      {children}
    </View>
  )
}

function Row({ label, children, name }: { label: string; name: string; children: ReactNode }) {
  return (
    <View className={`review-row review-row--${name}`}>
      <Text className='review-row__label'>{label}</Text>
      <Text className='review-row__value'>{children}</Text>
    </View>
  )
}

function CourseContent({ course }: { course: Course }) {
  // The revision under review; a never-published course may answer with its own fields only.
  const content = course.workingRevision ?? course
  const isEdit = course.status === 'PUBLISHED' && course.workingRevision !== null && course.workingRevision !== undefined
  const submittedAt = course.workingRevision?.submittedAt
  return (
    <>
      <View className='review-card review-card--head'>
        <CourseBadge state={courseState(course)} />
        <Text className='review__title'>{content.title}</Text>
        {isEdit && <Text className='review__edit-note'>这是对已发布课程的修改。通过后替换现在的版本（现在的名称：{course.title}）。</Text>}
        <Row label='讲师' name='lecturer'>
          {course.lecturer.name}
          {course.lecturer.title ? `（${course.lecturer.title}）` : ''}
        </Row>
        {submittedAt && (
          <Row label='提交' name='submitted'>
            {formatDate(submittedAt)} {formatTime(submittedAt)}
          </Row>
        )}
        <Row label='年龄段' name='ages'>
          {content.ageGroups.length > 0 ? content.ageGroups.map(ageGroupLabel).join('、') : '不限'}
        </Row>
        {content.tags.length > 0 && (
          <Row label='标签' name='tags'>
            {content.tags.join('、')}
          </Row>
        )}
      </View>

      <Section title='课程简介'>
        <Text className='review__text review__summary'>{content.summary}</Text>
      </Section>

      {content.coverUrl && (
        <Section title='封面'>
          <Image className='review__cover' src={content.coverUrl} mode='aspectFill' />
          <Text className='review__url' userSelect>
            {content.coverUrl}
          </Text>
        </Section>
      )}

      <Section title={`章节（共 ${content.chapters.length} 章）`} className='review-card--chapters'>
        {content.chapters.map((chapter, index) => (
          <ChapterView key={chapter.id} chapter={chapter} index={index} />
        ))}
      </Section>
    </>
  )
}

function ChapterView({ chapter, index }: { chapter: ReviewChapterFieldsFragment; index: number }) {
  const kind = chapter.kind.toLowerCase()
  return (
    <View className={`review-chapter review-chapter--${kind}`}>
      <View className='review-chapter__head'>
        <Text className='review-chapter__number'>第 {index + 1} 章</Text>
        <Text className={`review-chapter__kind review-chapter__kind--${kind}`}>{chapterKindLabel(chapter.kind)}</Text>
      </View>
      <Text className='review-chapter__title'>{chapter.title}</Text>
      {chapter.kind === 'ARTICLE' ? (
        chapter.body ? (
          <RichText className='review-chapter__body' nodes={chapter.body} />
        ) : (
          <Text className='review-chapter__missing'>（没有正文）</Text>
        )
      ) : (
        <>
          {chapter.mediaUrl ? (
            <Text className='review__url review-chapter__media' userSelect>
              {chapter.mediaUrl}
            </Text>
          ) : (
            <Text className='review-chapter__missing'>（没有{chapter.kind === 'AUDIO' ? '音频' : '视频'}地址）</Text>
          )}
          {chapter.durationSeconds ? <Text className='review-chapter__duration'>时长 {durationLabel(chapter.durationSeconds)}</Text> : null}
        </>
      )}
    </View>
  )
}

function LectureContent({ lecture }: { lecture: Lecture }) {
  return (
    <>
      <View className='review-card review-card--head'>
        <Text className={`review__status review__status--${lecture.status.toLowerCase()}`}>{lectureStatusLabel(lecture.status)}</Text>
        <Text className='review__title'>{lecture.title}</Text>
        <Row label='讲师' name='lecturer'>
          {lecture.lecturer.name}
          {lecture.lecturer.title ? `（${lecture.lecturer.title}）` : ''}
        </Row>
        <Row label='时间' name='time'>
          {formatTimeRange(lecture.startsAt, lecture.endsAt)}
        </Row>
        <Row label='场地' name='venue'>
          {lecture.venue.county.name} · {lecture.venue.name}（{venueTypeLabel(lecture.venue.type)}）
        </Row>
        <Row label='地址' name='address'>
          {lecture.venue.address}
        </Row>
        <Row label='人数' name='capacity'>
          {lecture.capacity} 人，每户最多 {lecture.maxPartySize} 人
        </Row>
        <Row label='年龄段' name='ages'>
          {lecture.audienceAgeGroups.length > 0 ? lecture.audienceAgeGroups.map(ageGroupLabel).join('、') : '不限'}
        </Row>
        {lecture.campaignTag && (
          <Row label='活动' name='campaign'>
            {lecture.campaignTag}
          </Row>
        )}
        <Row label='关联课程' name='course'>
          {lecture.course ? lecture.course.title : '无'}
        </Row>
      </View>
      <Section title='讲座简介'>
        <Text className='review__text review__summary'>{lecture.summary}</Text>
      </Section>
    </>
  )
}

function History({ decisions }: { decisions: ReviewDecisionFieldsFragment[] }) {
  if (decisions.length === 0) return null
  const latestFirst = [...decisions].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt))
  return (
    <Section title='审核记录' className='review-card--history'>
      {latestFirst.map((decision) => (
        <View key={decision.id} className={`review-decision review-decision--${decision.verdict.toLowerCase()}`}>
          <View className='review-decision__top'>
            <Text className='review-decision__verdict'>{reviewVerdictLabel(decision.verdict)}</Text>
            <Text className='review-decision__who'>
              {decision.reviewerName} · {formatDate(decision.decidedAt)} {formatTime(decision.decidedAt)}
            </Text>
          </View>
          {decision.reason && <Text className='review-decision__reason'>{decision.reason}</Text>}
        </View>
      ))}
    </Section>
  )
}

/** Approve or send back what the organizer is reading: `revision` names it, so a later edit is not decided unseen. */
function Decision({ kind, id, revision, pending }: { kind: Kind; id: string; revision: number; pending: boolean }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null)
  const [settled, setSettled] = useState<string | null>(null)
  // Decided here: the buttons stay away until the page has gone back, so a second tap during the
  // "已通过" toast cannot send the decision again (and be told someone else had decided it).
  const [done, setDone] = useState<string | null>(null)
  const busyNow = useRef(false) // a double tap comes before the re-render that shows 正在提交
  const asking = useRef(false) // one confirmation at a time

  if (!pending) {
    return (
      <View className='review-decided'>
        <Text className='review-decided__text'>这一项已经审核过了，不需要再处理。</Text>
        <View className='big-button review-decided__back' hoverClass='big-button--hover' onClick={backToQueue}>
          回到审核列表
        </View>
      </View>
    )
  }
  if (done) {
    // No button here: the page goes back by itself, and a second tap must not send it back twice.
    return (
      <View className='review-decided review-decided--done'>
        <Text className='review-decided__text'>{done}</Text>
      </View>
    )
  }
  if (settled) {
    return (
      <View className='review-decided review-decided--conflict'>
        <Text className='review-decided__text'>{settled}</Text>
        <View className='big-button big-button--primary review-decided__back' hoverClass='big-button--hover' onClick={backToQueue}>
          回到审核列表
        </View>
      </View>
    )
  }

  const decide = async (verdict: 'approve' | 'reject', rejectionReason?: string) => {
    if (busyNow.current) return
    busyNow.current = true
    setBusy(verdict)
    setProblem(null)
    let decided = false
    try {
      if (kind === 'course') {
        if (verdict === 'approve') await request(ReviewApproveCourseDocument, { id, revision })
        else await request(ReviewRejectCourseDocument, { id, reason: rejectionReason!, revision })
      } else if (verdict === 'approve') {
        await request(ReviewApproveLectureDocument, { id, revision })
      } else {
        await request(ReviewRejectLectureDocument, { id, reason: rejectionReason!, revision })
      }
      decided = true
      decidedHere.add(decisionKey(id, revision))
      setDone(verdict === 'approve' ? '已通过，正在回到审核列表…' : '已退回给讲师，正在回到审核列表…')
      void Taro.showToast({ title: verdict === 'approve' ? '已通过' : '已退回', icon: 'success' })
      setTimeout(backToQueue, 800)
    } catch (error) {
      const failure = decisionFailure(error)
      if (failure.settled) {
        // This revision is no longer waiting (a newer one, if the lecturer changed it, still shows).
        decidedHere.add(decisionKey(id, revision))
        setSettled(failure.message)
      } else {
        setProblem(failure.message)
      }
    } finally {
      // After a decision the page stays busy until it leaves (see `done`).
      if (!decided) {
        busyNow.current = false
        setBusy(null)
      }
    }
  }

  const approve = () => {
    if (busyNow.current || asking.current) return
    asking.current = true
    const what = kind === 'course' ? '课程通过后，家长就能看到并学习。' : '讲座通过后就会发布，家长可以预约。'
    void Taro.showModal({ title: '确认通过？', content: what, confirmText: '通过', cancelText: '再看看', confirmColor: '#1d6b34' })
      .then(({ confirm }) => {
        if (confirm) void decide('approve')
      })
      .finally(() => {
        asking.current = false
      })
  }

  const reject = () => {
    const checked = checkRejectionReason(reason)
    if ('problem' in checked) {
      setProblem(checked.problem)
      return
    }
    void decide('reject', checked.reason)
  }

  return (
    <View className='review-actions'>
      {rejecting ? (
        <View className='review-reject'>
          <Text className='review-reject__label'>退回原因（讲师会看到）</Text>
          <Textarea
            className='review-reject__reason'
            value={reason}
            placeholder='比如：第二章视频地址打不开，请更换'
            maxlength={MAX_REJECTION_REASON}
            autoHeight
            disableDefaultPadding
            onInput={(event) => {
              setReason(event.detail.value)
              setProblem(null)
            }}
          />
          {problem && <Text className='review-actions__problem'>{problem}</Text>}
          <View
            className={`big-button big-button--primary review-reject__confirm${busy === 'reject' ? ' big-button--busy' : ''}`}
            hoverClass='big-button--hover'
            onClick={reject}
          >
            {busy === 'reject' ? '正在退回…' : '确认退回'}
          </View>
          <View className='review-reject__cancel' hoverClass='review-reject__cancel--hover' onClick={() => setRejecting(false)}>
            不退回了
          </View>
        </View>
      ) : (
        <>
          {problem && <Text className='review-actions__problem'>{problem}</Text>}
          <View className='review-actions__row'>
            <View className='big-button review-actions__reject' hoverClass='big-button--hover' onClick={() => setRejecting(true)}>
              退回
            </View>
            <View
              className={`big-button review-actions__approve${busy === 'approve' ? ' big-button--busy' : ''}`}
              hoverClass='big-button--hover'
              onClick={approve}
            >
              {busy === 'approve' ? '正在提交…' : '通过'}
            </View>
          </View>
        </>
      )}
    </View>
  )
}
