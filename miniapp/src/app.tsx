import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startSession } from './services/auth'
import './app.scss'

// Pages fetch what they show; the app only starts the session (weapp signs in with WeChat).
function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    startSession(options?.path)
  })
  return children
}

export default App
