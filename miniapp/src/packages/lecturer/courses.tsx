import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { LecturerCourseListDocument, type LecturerCourseListQuery } from './gql/graphql'
import CourseBadge from '../../components/CourseBadge'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useQueryState } from '../../hooks/useQueryState'
import { useSession } from '../../hooks/useStore'
import { request } from '../../services/graphql'
import { courseState } from '../../utils/courseContent'
import { formatDate } from '../../utils/format'
import './courses.scss'

type Course = LecturerCourseListQuery['myCourses'][number]

const EDIT_PAGE = '/packages/lecturer/course-edit'

function openEditor(id?: string) {
  void Taro.navigateTo({ url: id ? `${EDIT_PAGE}?id=${encodeURIComponent(id)}` : EDIT_PAGE })
}

export default function CoursesPage() {
  const { token, user } = useSession()
  return (
    <PageRoot className='my-courses'>
      {!token || !user ? (
        <SignInPanel title='讲师登录后管理课程' />
      ) : user.role !== 'LECTURER' ? (
        <StatusView kind='empty' message='只有讲师账号可以管理课程。如需开通，请联系妇联工作人员。' />
      ) : (
        <CourseList token={token} />
      )}
    </PageRoot>
  )
}

function CourseList({ token }: { token: string }) {
  // Back from the editor (shown again): the course just saved or submitted shows its new state,
  // asked quietly so the list stays on screen while asking.
  const { state, reload, refresh } = useQueryState(async () => (await request(LecturerCourseListDocument)).myCourses, [token], {
    refreshOnShow: true,
  })
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='my-courses__body'>
      <View className='big-button big-button--primary my-courses__new' hoverClass='big-button--hover' onClick={() => openEditor()}>
        ＋ 新建课程
      </View>
      {state.status === 'loading' ? (
        <StatusView kind='loading' message='正在加载…' />
      ) : state.status === 'error' ? (
        <StatusView kind='error' message={state.message} actionText='重试' onAction={() => void reload()} />
      ) : state.data.length === 0 ? (
        <StatusView kind='empty' message='还没有课程。点上面的“新建课程”，写下第一门课吧。' />
      ) : (
        <View className='my-courses__list'>
          <Text className='my-courses__total'>共 {state.data.length} 门课程</Text>
          {state.data.map((course) => (
            <CourseItem key={course.id} course={course} />
          ))}
        </View>
      )}
    </View>
  )
}

function CourseItem({ course }: { course: Course }) {
  const state = courseState(course)
  const working = course.workingRevision
  const chapters = (working ?? course).chapters.length
  // The title being worked on, when an edit renames a published course.
  const newTitle = course.status === 'PUBLISHED' && working && working.title !== course.title ? working.title : null
  const when = working?.submittedAt
    ? `${formatDate(working.submittedAt)} 提交`
    : course.publishedAt
      ? `${formatDate(course.publishedAt)} 发布`
      : working?.updatedAt
        ? `${formatDate(working.updatedAt)} 修改`
        : ''
  return (
    <View className={`course-item course-item--${state.badge.tone}`} hoverClass='course-item--hover' onClick={() => openEditor(course.id)}>
      <Text className='course-item__title'>{course.title}</Text>
      {newTitle && <Text className='course-item__new-title'>修改后：{newTitle}</Text>}
      <CourseBadge state={state} />
      <View className='course-item__meta'>
        <Text className='course-item__chapters'>共 {chapters} 章</Text>
        {when && <Text className='course-item__when'>{when}</Text>}
        <Text className='course-item__more'>编辑 ›</Text>
      </View>
    </View>
  )
}
