import type { PropsWithChildren } from 'react'
import './app.scss'

// No global state yet: pages fetch what they show. Sign-in will hook in here later.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
