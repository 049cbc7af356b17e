import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { syncIfPending } from './components/CheckInSyncBar/device-queue'
import { startSession } from './services/auth'
import './app.scss'

// Pages fetch what they show; the app only starts the session (weapp signs in with WeChat).
function App({ children }: PropsWithChildren) {
  useLaunch((options) => {
    startSession(options?.path)
  })
  // Door scans kept offline go out when the app is opened or comes back to the front with signal,
  // not only from a door screen. Does nothing unless this account has scans waiting.
  useDidShow(() => syncIfPending())
  return children
}

export default App
