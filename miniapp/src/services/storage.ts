import Taro from '@tarojs/taro'

// Storage that never throws: a full or unavailable store (private browsing on H5, a phone out of
// space) must not break the page; the app then simply forgets across launches.

export function readStored<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key)
    return value === '' || value === undefined || value === null ? null : (value as T)
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // remembered for this launch only
  }
}
