import { useEffect, useRef, useState } from 'react'
import { Slider, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatClock } from '../../../utils/courseContent'
import './ChapterAudio.scss'

interface Props {
  src: string
  /** From the course; the file's own length replaces it once known. */
  durationSeconds: number | null | undefined
  startAt: number
  /** The time now, and the file's real length once known. */
  onTime: (seconds: number, durationSeconds?: number) => void
  onPlaying: (playing: boolean) => void
  onEnded: (seconds: number) => void
  /** Playback was stopped (the page is going away): positions reported now are not the reader's. */
  onStopped: () => void
  /** Played again after a stop (back on the page). */
  onResumed: () => void
}

const BACK_SECONDS = 15

/**
 * An audio chapter: one big play/pause button, the time, a bar to drag, and "back 15 seconds"
 * (for a sentence missed). Playback is Taro's InnerAudioContext (WeChat's on the phone, an
 * <audio> element on H5).
 */
export default function ChapterAudio({ src, durationSeconds, startAt, onTime, onPlaying, onEnded, onStopped, onResumed }: Props) {
  const [playing, setPlaying] = useState(false)
  const [position, setPosition] = useState(startAt)
  const [duration, setDuration] = useState(durationSeconds ?? 0)
  const [waiting, setWaiting] = useState(false)
  const [failed, setFailed] = useState(false)
  const audio = useRef<Taro.InnerAudioContext | null>(null)
  const handlers = useRef({ onTime, onPlaying, onEnded, onStopped, onResumed })
  handlers.current = { onTime, onPlaying, onEnded, onStopped, onResumed }
  const stopped = useRef(false)

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // Many phones sit on silent: a lesson should still be heard (WeChat obeys the switch by default).
      void Taro.setInnerAudioOption({ obeyMuteSwitch: false }).catch(() => undefined)
    }
    const ctx = Taro.createInnerAudioContext()
    audio.current = ctx
    ctx.src = src
    ctx.startTime = startAt
    let shown = Math.floor(startAt)
    ctx.onPlay(() => {
      if (stopped.current) return
      setPlaying(true)
      setWaiting(false)
      setFailed(false)
      handlers.current.onPlaying(true)
    })
    ctx.onPause(() => {
      setPlaying(false)
      handlers.current.onPlaying(false)
    })
    // stop() comes from the platform too (H5 stops every sound on a route change) and rewinds to 0.
    ctx.onStop(() => {
      stopped.current = true
      handlers.current.onStopped()
      setPlaying(false)
      handlers.current.onPlaying(false)
    })
    ctx.onTimeUpdate(() => {
      if (stopped.current) return
      const now = ctx.currentTime
      const known = ctx.duration > 0 && Number.isFinite(ctx.duration) ? ctx.duration : undefined
      handlers.current.onTime(now, known)
      if (known) setDuration(Math.round(known))
      if (Math.floor(now) !== shown) {
        shown = Math.floor(now)
        setPosition(shown)
      }
    })
    ctx.onWaiting(() => setWaiting(true))
    ctx.onCanplay(() => {
      setWaiting(false)
      if (ctx.duration > 0 && Number.isFinite(ctx.duration)) setDuration(Math.round(ctx.duration))
    })
    ctx.onEnded(() => {
      const end = ctx.duration > 0 && Number.isFinite(ctx.duration) ? ctx.duration : ctx.currentTime
      setPlaying(false)
      setPosition(Math.floor(end))
      handlers.current.onEnded(end)
    })
    ctx.onError(() => {
      setFailed(true)
      setWaiting(false)
      setPlaying(false)
      handlers.current.onPlaying(false)
    })
    return () => {
      stopped.current = true
      handlers.current.onStopped()
      audio.current = null
      ctx.pause()
      ctx.destroy()
    }
    // One audio context per chapter (the player is keyed by chapter).
  }, [])

  const toggle = () => {
    const ctx = audio.current
    if (!ctx) return
    if (playing) ctx.pause()
    else {
      if (failed) {
        // Try the file again from where the reader was.
        setFailed(false)
        ctx.src = src
        ctx.startTime = position
      }
      setWaiting(true)
      ctx.play()
      if (stopped.current) {
        // Stopped meanwhile (H5 stops sounds when another page opens): go on from where the reader was.
        stopped.current = false
        handlers.current.onResumed()
        ctx.seek(position)
      }
    }
  }

  const seek = (seconds: number) => {
    const ctx = audio.current
    if (!ctx) return
    const target = Math.max(0, Math.min(seconds, duration > 0 ? duration - 1 : seconds))
    // Before the first play the start time decides where playback begins (H5 seeks to it then).
    ctx.startTime = target
    ctx.seek(target)
    setPosition(Math.floor(target))
    handlers.current.onTime(target)
  }

  return (
    <View className='chapter-audio'>
      <View
        className={`chapter-audio__toggle${playing ? ' chapter-audio__toggle--playing' : ''}`}
        hoverClass='chapter-audio__toggle--hover'
        onClick={toggle}
        ariaLabel={playing ? '暂停' : '播放'}
      >
        <Text className='chapter-audio__glyph'>{playing ? '❚❚' : '▶'}</Text>
      </View>
      <Text className='chapter-audio__state'>
        {failed ? '没能播放，请检查网络后再点一次' : waiting && !playing ? '正在加载…' : playing ? '正在播放，点一下暂停' : '点一下开始播放'}
      </Text>
      <View className='chapter-audio__bar'>
        <Slider
          className='chapter-audio__slider'
          min={0}
          max={Math.max(1, Math.round(duration))}
          step={1}
          value={Math.min(position, Math.max(1, Math.round(duration)))}
          activeColor='#b8322e'
          backgroundColor='#d9d2ca'
          blockColor='#b8322e'
          blockSize={28}
          onChange={(e) => seek(e.detail.value)}
        />
      </View>
      <View className='chapter-audio__times'>
        <Text className='chapter-audio__time chapter-audio__time--now'>{formatClock(position)}</Text>
        <Text className='chapter-audio__time'>{duration > 0 ? formatClock(duration) : '--:--'}</Text>
      </View>
      <View className='chapter-audio__back' hoverClass='chapter-audio__back--hover' onClick={() => seek(position - BACK_SECONDS)}>
        后退 {BACK_SECONDS} 秒
      </View>
    </View>
  )
}
