import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  /** A modifier naming the field (form-field--title, form-field__error--title) for styles and tests. */
  name: string
  hint?: string
  error?: string
  children: ReactNode
}

/**
 * One labelled field of the lecturer's forms (编辑课程, 申报讲座) with its error right below it, in
 * big red type. Its stylesheet also holds the inputs, chips and pickers those forms share.
 */
export default function CourseFormField({ label, name, hint, error, children }: Props) {
  return (
    <View className={`form-field form-field--${name}${error ? ' form-field--invalid' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {children}
      {hint && <Text className='form-field__hint'>{hint}</Text>}
      {error && <Text className={`form-field__error form-field__error--${name}`}>{error}</Text>}
    </View>
  )
}
