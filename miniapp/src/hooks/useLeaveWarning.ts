import { useEffect } from 'react'
import Taro from '@tarojs/taro'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
const MESSAGE = '您改的内容还没有保存，离开就没有了。确定要离开吗？'

function setWarning(on: boolean) {
  // An old WeChat without the API leaves the page without asking, as before.
  try {
    if (on) Taro.enableAlertBeforeUnload({ message: MESSAGE })
    else Taro.disableAlertBeforeUnload()
  } catch {
    // nothing to undo
  }
}

/**
 * While an editor or form holds unsaved changes (a lecturer's article, an organizer's targets or
 * venue), WeChat asks before the page is left by the back button or a back swipe, so the work is
 * not lost to a slip of the thumb. Off again once saved (the
 * page's own navigateBack after saving must not ask) and when the editor goes away. WeChat only:
 * H5 has no such prompt (Taro's H5 API is a stub that reports "not supported").
 */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (IS_WEAPP) setWarning(unsaved)
  }, [unsaved])
  useEffect(
    () => () => {
      if (IS_WEAPP) setWarning(false)
    },
    [],
  )
}
