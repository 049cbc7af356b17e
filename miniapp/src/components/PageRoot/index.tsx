import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useLargeText } from '../../hooks/useStore'

interface Props {
  /** The page's own root class (e.g. `home`), for its layout. */
  className?: string
  children?: ReactNode
}

/**
 * Every page's outermost View. It carries the reader's large-text choice as `.large-text`, under
 * which app.scss scales the theme's font-size variables: one place, every page.
 */
export default function PageRoot({ className, children }: Props) {
  const largeText = useLargeText()
  const classes = ['page-root', className, largeText ? 'large-text' : ''].filter(Boolean).join(' ')
  return <View className={classes}>{children}</View>
}
