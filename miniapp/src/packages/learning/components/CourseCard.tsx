import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { CourseCardFieldsFragment } from '../gql/graphql'
import { chapterCountLabel, courseProgressLabel, progressPercent } from '../utils/learning'
import './CourseCard.scss'

interface Props {
  course: CourseCardFieldsFragment
  onOpen: (id: string) => void
  /** Featured section: the cover on top, full width. */
  large?: boolean
}

/** A course in the catalogue: cover, title, lecturer, chapters and the reader's progress. */
export default function CourseCard({ course, onOpen, large = false }: Props) {
  const [coverFailed, setCoverFailed] = useState(false)
  const chapters = course.chapters.length
  const progress = course.myProgress
  const progressText = courseProgressLabel(progress, chapters)
  const percent = progress ? (progress.completed ? 100 : progressPercent(progress.completedChapters, progress.totalChapters || chapters)) : 0
  return (
    <View
      className={`course-card${large ? ' course-card--large' : ''}`}
      hoverClass='course-card--hover'
      onClick={() => onOpen(course.id)}
    >
      <View className='course-card__cover'>
        {course.coverUrl && !coverFailed ? (
          <Image className='course-card__image' src={course.coverUrl} mode='aspectFill' lazyLoad onError={() => setCoverFailed(true)} />
        ) : (
          // No cover (or it did not load): the title's first character on the theme colour.
          <View className='course-card__placeholder'>
            <Text className='course-card__placeholder-text'>{course.title.slice(0, 1)}</Text>
          </View>
        )}
        {course.featured && <Text className='course-card__featured'>精品</Text>}
      </View>
      <View className='course-card__body'>
        <Text className='course-card__title'>{course.title}</Text>
        <Text className='course-card__lecturer'>主讲：{course.lecturer.name}</Text>
        <View className='course-card__meta'>
          <Text className='course-card__chapters'>{chapterCountLabel(chapters)}</Text>
          {progressText && (
            <Text className={`course-card__progress${progress?.completed ? ' course-card__progress--done' : ''}`}>
              {progressText}
            </Text>
          )}
        </View>
        {progress && (
          <View className='course-card__bar'>
            <View className='course-card__bar-fill' style={{ width: `${percent}%` }} />
          </View>
        )}
      </View>
    </View>
  )
}
