// Reader preferences kept on the phone (not on the server: they belong to the device, and work
// signed out too).
import { createStore } from './store'
import { readStored, writeStored } from './storage'

const LARGE_TEXT_KEY = 'fel.largeText'

export const largeTextStore = createStore<boolean>(() => readStored<boolean>(LARGE_TEXT_KEY) === true)

export function setLargeText(on: boolean): void {
  writeStored(LARGE_TEXT_KEY, on)
  largeTextStore.set(on)
}
