import { View, Text } from '@tarojs/components'
import './index.scss'

interface Props {
  kind: 'loading' | 'empty' | 'error'
  message: string
  /** Shown as a big button under the message, e.g. 重试. */
  actionText?: string
  onAction?: () => void
}

/** One centred block for the loading, empty and error states of a page or list. */
export default function StatusView({ kind, message, actionText, onAction }: Props) {
  return (
    <View className={`status-view status-view--${kind}`}>
      {kind === 'loading' && <View className='status-view__spinner' />}
      <Text className='status-view__message'>{message}</Text>
      {actionText && onAction && (
        <View className='big-button big-button--primary status-view__action' hoverClass='big-button--hover' onClick={onAction}>
          {actionText}
        </View>
      )}
    </View>
  )
}
