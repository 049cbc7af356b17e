import { useEffect, useRef, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { askForReviewNotices, useReviewNoticeTemplates } from './review-notices'
import { CourseEditorDocument, CourseEditorSaveDocument, CourseEditorSubmitDocument, type ChapterKind, type CourseEditorCourseFragment, type CourseEditorStateFragment } from './gql/graphql'
import ChapterEditor from '../../components/ChapterEditor'
import CourseBadge from '../../components/CourseBadge'
import CourseFormField from '../../components/CourseFormField'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { isApiError, messageOf, request } from '../../services/graphql'
import { FIX_FIELDS } from '../../services/errors'
import { CHAPTER_KINDS, chapterKindLabel, courseState } from '../../utils/courseContent'
import {
  addTag,
  courseDraftInput,
  courseFieldErrors,
  courseFormChanged,
  courseFormOf,
  emptyCourseForm,
  hasErrors,
  MAX_CHAPTERS,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  moveChapter,
  newChapter,
  NO_ERRORS,
  type ChapterDraft,
  type CourseErrors,
  type CourseField,
  type CourseForm,
} from '../../utils/courseEditor'
import { AGE_GROUPS, ageGroupLabel, toggleAgeGroup } from '../../utils/profile'
import { decodeRouteParam, navigateBackOr } from '../../utils/route'
import { useLeaveWarning } from '../../hooks/useLeaveWarning'
import './course-edit.scss'

const COURSES_PAGE = '/packages/lecturer/courses'

function backToList() {
  navigateBackOr(COURSES_PAGE, Taro)
}

export default function CourseEditPage() {
  const { token, user } = useSession()
  const { params } = useRouter()
  const id = decodeRouteParam(params.id) ?? null
  return (
    <PageRoot className='course-edit'>
      {!token || !user ? (
        <SignInPanel title='讲师登录后编辑课程' />
      ) : user.role !== 'LECTURER' ? (
        <StatusView kind='empty' message='只有讲师账号可以编辑课程。' />
      ) : (
        <CourseLoader id={id} />
      )}
    </PageRoot>
  )
}

function CourseLoader({ id }: { id: string | null }) {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑课程' : '新建课程' })
  }, [id])
  return id ? <ExistingCourse id={id} /> : <CourseEditor loaded={null} />
}

function ExistingCourse({ id }: { id: string }) {
  const { state, reload } = useQueryState(async () => (await request(CourseEditorDocument, { id })).course, [id], {
    notFoundOnMissing: true,
    errorMessage: (error) => (isApiError(error) && error.code === 'FORBIDDEN' ? '这门课程不是您的，不能编辑。' : messageOf(error)),
  })

  if (state.status === 'loading') return <StatusView kind='loading' message='正在加载…' />
  if (state.status === 'notFound') return <StatusView kind='empty' message='没有找到这门课程' actionText='回到我的课程' onAction={backToList} />
  if (state.status === 'error') return <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
  return <CourseEditor loaded={state.data} />
}

function CourseEditor({ loaded }: { loaded: CourseEditorCourseFragment | null }) {
  const [course, setCourse] = useState<CourseEditorStateFragment | null>(loaded)
  // The course as loaded or last saved: what "unsaved changes" are measured against.
  const [saved, setSaved] = useState<CourseForm>(() => (loaded ? courseFormOf(loaded) : emptyCourseForm()))
  const [form, setForm] = useState<CourseForm>(saved)
  const [errors, setErrors] = useState<CourseErrors>(NO_ERRORS)
  const [failure, setFailure] = useState<string | null>(null)
  const [tagText, setTagText] = useState('')
  const [tagProblem, setTagProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const busyNow = useRef(false) // a double tap comes before the re-render that shows 正在保存

  // A new course saved once is a course being edited from then on.
  const courseId = course?.id
  useEffect(() => {
    if (courseId && !loaded) void Taro.setNavigationBarTitle({ title: '编辑课程' })
  }, [courseId, loaded])

  const state = course ? courseState(course) : null
  const working = course?.workingRevision ?? null
  const published = course?.status === 'PUBLISHED'
  const inReview = course ? (working ?? course).status === 'IN_REVIEW' : false
  const archived = course?.status === 'ARCHIVED'
  const locked = inReview || archived
  useLeaveWarning(!locked && courseFormChanged(form, saved))

  // A field the lecturer changes is no longer wrong as far as we know: its message goes.
  const update = (patch: Partial<CourseForm>, field?: CourseField) => {
    setForm((current) => ({ ...current, ...patch }))
    if (field) setErrors((current) => (current.course[field] ? { ...current, course: { ...current.course, [field]: undefined } } : current))
  }
  const updateChapter = (key: string, patch: Partial<ChapterDraft>) => {
    setForm((current) => ({ ...current, chapters: current.chapters.map((c) => (c.key === key ? { ...c, ...patch } : c)) }))
    setErrors((current) => {
      const fields = current.chapters[key]
      if (!fields) return current
      const cleared = { ...fields }
      if ('title' in patch) delete cleared.title
      if ('text' in patch) delete cleared.body
      if ('mediaUrl' in patch) delete cleared.mediaUrl
      if ('duration' in patch) delete cleared.durationSeconds
      return { ...current, chapters: { ...current.chapters, [key]: cleared } }
    })
  }
  const addChapter = (kind: ChapterKind) => {
    setForm((current) => ({ ...current, chapters: [...current.chapters, newChapter(kind)] }))
    setErrors((current) => (current.course.chapters ? { ...current, course: { ...current.course, chapters: undefined } } : current))
  }
  const moveChapterAt = (index: number, delta: -1 | 1) => {
    setForm((current) => ({ ...current, chapters: moveChapter(current.chapters, index, delta) }))
  }
  const deleteChapter = (chapter: ChapterDraft, index: number) => {
    const name = chapter.title.trim() || `第 ${index + 1} 章`
    void Taro.showModal({
      title: '删除这一章？',
      content: `“${name}”会从课程中删掉${chapter.id ? '（保存后生效）' : ''}。`,
      confirmText: '删除',
      cancelText: '不删',
      confirmColor: '#b8322e',
    }).then(({ confirm }) => {
      if (confirm) setForm((current) => ({ ...current, chapters: current.chapters.filter((c) => c.key !== chapter.key) }))
    })
  }

  const addTypedTag = () => {
    const result = addTag(form.tags, tagText)
    if ('problem' in result) {
      setTagProblem(result.problem)
      return
    }
    setTagProblem(null)
    setTagText('')
    update({ tags: result.tags }, 'tags')
  }

  const noticeTemplates = useReviewNoticeTemplates()

  /**
   * Saves the draft; with `submit`, then sends it to review and goes back to 我的课程. Chapters
   * keep their server ids (learners' progress carries over); new ones get theirs from the answer.
   */
  const save = async (submit: boolean) => {
    if (busyNow.current || locked) return
    if (submit) askForReviewNotices(noticeTemplates)
    const built = courseDraftInput(course?.id ?? null, form)
    if ('errors' in built) {
      setErrors(built.errors)
      setFailure(FIX_FIELDS)
      return
    }
    if (submit && form.chapters.length === 0) {
      setErrors({ course: { chapters: '至少要有一章，才能提交审核' }, chapters: {} })
      setFailure(FIX_FIELDS)
      return
    }
    const sent = form.chapters.map(({ key, kind }) => ({ key, kind }))
    const sentForm = form // saved, this is the new "no unsaved changes"
    busyNow.current = true
    setBusy(submit ? 'submit' : 'save')
    setFailure(null)
    setErrors(NO_ERRORS)
    let draftSaved = false
    try {
      const { saveCourseDraft } = await request(CourseEditorSaveDocument, { input: built.input })
      draftSaved = true
      setSaved(sentForm)
      setCourse(saveCourseDraft)
      const chapters = (saveCourseDraft.workingRevision ?? saveCourseDraft).chapters
      // The answer lists the chapters in the order sent: new chapters get their ids by position.
      if (chapters.length === sent.length) {
        const ids = new Map(sent.map(({ key }, index) => [key, chapters[index].id]))
        setForm((current) => ({ ...current, chapters: current.chapters.map((c) => (ids.has(c.key) ? { ...c, id: ids.get(c.key)! } : c)) }))
      }
      if (!submit) {
        void Taro.showToast({ title: '草稿已保存', icon: 'success' })
        return
      }
      const { submitCourseForReview } = await request(CourseEditorSubmitDocument, { id: saveCourseDraft.id })
      setCourse(submitCourseForReview)
      void Taro.showToast({ title: '已提交审核', icon: 'success' })
      setTimeout(backToList, 800)
    } catch (error) {
      const mapped = isApiError(error) && error.code === 'BAD_USER_INPUT' ? courseFieldErrors(error.errors, sent) : NO_ERRORS
      const prefix = draftSaved ? '草稿已保存，但还不能提交审核。' : ''
      if (hasErrors(mapped)) {
        setErrors(mapped)
        setFailure(prefix + FIX_FIELDS)
      } else if (draftSaved && isApiError(error) && error.code === 'BAD_USER_INPUT') {
        setFailure(`${prefix}请检查：每一章都要有标题；图文要有正文；视频、音频要有地址和时长。`)
      } else {
        setFailure(prefix + messageOf(error))
      }
    } finally {
      busyNow.current = false
      setBusy(null)
    }
  }

  const tooManyChapters = form.chapters.length >= MAX_CHAPTERS
  return (
    <View className='course-edit__form'>
      {state && (
        <View className='course-edit__state'>
          <CourseBadge state={state} />
        </View>
      )}
      {published && !locked && <Text className='form-note course-edit__published-note'>修改后需重新审核，审核通过前学员看到的仍是当前版本。</Text>}
      {inReview && <Text className='form-note course-edit__locked-note'>这门课程正在审核中，审核结果出来后才能再修改。</Text>}
      {archived && <Text className='form-note course-edit__locked-note'>这门课程已归档，不能再修改。</Text>}

      <CourseFormField label='课程名称' name='title' error={errors.course.title}>
        <Input
          className='form-input course-edit__title'
          value={form.title}
          placeholder='比如：隔代教养的智慧'
          maxlength={60}
          onInput={(event) => update({ title: event.detail.value }, 'title')}
        />
      </CourseFormField>

      <CourseFormField label='课程简介' name='summary' error={errors.course.summary}>
        <Textarea
          className='form-textarea course-edit__summary'
          value={form.summary}
          placeholder='这门课讲什么，适合哪些家长'
          maxlength={500}
          autoHeight
          disableDefaultPadding
          onInput={(event) => update({ summary: event.detail.value }, 'summary')}
        />
      </CourseFormField>

      <CourseFormField label='封面图片地址（选填）' name='coverUrl' hint='以 https:// 开头的图片地址' error={errors.course.coverUrl}>
        <Input
          className='form-input course-edit__cover'
          value={form.coverUrl}
          placeholder='https://…'
          maxlength={500}
          onInput={(event) => update({ coverUrl: event.detail.value }, 'coverUrl')}
        />
      </CourseFormField>

      <CourseFormField
        label={`标签（最多 ${MAX_TAGS} 个，点标签可删除）`}
        name='tags'
        error={errors.course.tags ?? tagProblem ?? undefined}
      >
        {form.tags.length > 0 && (
          <View className='form-chips course-edit__tags'>
            {form.tags.map((tag) => (
              <View
                key={tag}
                className='form-chip form-chip--active course-tag'
                onClick={() => update({ tags: form.tags.filter((t) => t !== tag) }, 'tags')}
              >
                {tag} ✕
              </View>
            ))}
          </View>
        )}
        <View className='course-edit__tag-row'>
          <Input
            className='form-input course-edit__tag-input'
            value={tagText}
            placeholder='比如：亲子沟通'
            maxlength={MAX_TAG_LENGTH}
            confirmType='done'
            onInput={(event) => {
              setTagText(event.detail.value)
              setTagProblem(null)
            }}
            onConfirm={addTypedTag}
          />
          <View className='big-button course-edit__tag-add' hoverClass='big-button--hover' onClick={addTypedTag}>
            添加
          </View>
        </View>
      </CourseFormField>

      <CourseFormField label='适合孩子的年龄段（可多选）' name='ageGroups' error={errors.course.ageGroups}>
        <View className='form-chips'>
          {AGE_GROUPS.map((group) => (
            <View
              key={group}
              className={`form-chip course-age course-age--${group.toLowerCase().replace(/_/g, '-')}${form.ageGroups.includes(group) ? ' form-chip--active' : ''}`}
              onClick={() => update({ ageGroups: toggleAgeGroup(form.ageGroups, group) }, 'ageGroups')}
            >
              {ageGroupLabel(group)}
            </View>
          ))}
        </View>
      </CourseFormField>

      <View className='course-edit__chapters'>
        <Text className='course-edit__heading'>章节（共 {form.chapters.length} 章）</Text>
        {errors.course.chapters && <Text className='form-field__error form-field__error--chapters'>{errors.course.chapters}</Text>}
        {form.chapters.length === 0 && <Text className='course-edit__empty'>还没有章节。用下面的按钮添加图文、视频或音频章节。</Text>}
        {form.chapters.map((chapter, index) => (
          <ChapterEditor
            key={chapter.key}
            chapter={chapter}
            index={index}
            count={form.chapters.length}
            errors={errors.chapters[chapter.key]}
            onChange={(patch) => updateChapter(chapter.key, patch)}
            onMove={(delta) => moveChapterAt(index, delta)}
            onDelete={() => deleteChapter(chapter, index)}
          />
        ))}
        <View className='course-edit__add-row'>
          {CHAPTER_KINDS.map((kind) => (
            <View
              key={kind}
              className={`course-edit__add course-edit__add--${kind.toLowerCase()}${tooManyChapters ? ' course-edit__add--off' : ''}`}
              hoverClass='course-edit__add--hover'
              onClick={() => !tooManyChapters && addChapter(kind)}
            >
              ＋ {chapterKindLabel(kind)}
            </View>
          ))}
        </View>
        {tooManyChapters && <Text className='form-field__hint'>一门课程最多 {MAX_CHAPTERS} 章。</Text>}
      </View>

      {!locked && (
        <View className='form-actions'>
          {failure && <Text className='form-failure course-edit__failure'>{failure}</Text>}
          <View
            className={`big-button course-edit__save${busy === 'save' ? ' big-button--busy' : ''}`}
            hoverClass='big-button--hover'
            onClick={() => void save(false)}
          >
            {busy === 'save' ? '正在保存…' : '保存草稿'}
          </View>
          <View
            className={`big-button big-button--primary course-edit__submit${busy === 'submit' ? ' big-button--busy' : ''}`}
            hoverClass='big-button--hover'
            onClick={() => void save(true)}
          >
            {busy === 'submit' ? '正在提交…' : '提交审核'}
          </View>
          <Text className='form-field__hint course-edit__submit-hint'>提交后由所在县区的妇联工作人员审核，结果会通知您。</Text>
        </View>
      )}
    </View>
  )
}
