import { useEffect, useRef, useState } from 'react'
import { useDidHide } from '@tarojs/taro'
import { useSession } from '../../../hooks/useStore'
import type { CourseProgressFieldsFragment } from '../gql/graphql'
import { flushUnsentProgress, localProgressOf, progressPorts } from '../services/progress'
import { MAX_CHAPTER_SECONDS, ProgressSaver, SAVE_EVERY_MS, startingPoint, type ServerChapterProgress } from '../utils/progress'

interface ChapterLike {
  id: string
  kind: string
  durationSeconds?: number | null
  myProgress?: ServerChapterProgress | null
}

/**
 * The reader's place in one chapter, saved while playing (every 15 s), on pause, when the page is
 * hidden or left, and at the end (completed). Mount once per chapter (key the player by chapter id).
 * `onCourseProgress` receives the course's progress after each save that reached the server.
 */
export function useChapterProgress(
  courseId: string,
  chapter: ChapterLike,
  onCourseProgress: (progress: CourseProgressFieldsFragment) => void,
) {
  const progressRef = useRef(onCourseProgress)
  progressRef.current = onCourseProgress
  /** False after a save failed (the phone keeps the place), true again once one succeeds. */
  const [saved, setSaved] = useState(true)

  // One saver for the life of this player (a state initialiser runs once; a memo may be redone).
  const [{ saver, startAt }] = useState(() => {
    const limit = chapter.durationSeconds && chapter.durationSeconds > 0 ? chapter.durationSeconds : MAX_CHAPTER_SECONDS
    // The signed-in account's own record only (a shared phone keeps one book per account).
    const start = startingPoint(chapter.myProgress, localProgressOf(chapter.id), limit)
    // An article opened for the first time is recorded at once, so 我的学习 and 继续学习 know it.
    if (chapter.kind === 'ARTICLE' && !chapter.myProgress) start.synced = false
    const instance = new ProgressSaver({ courseId, chapterId: chapter.id }, progressPorts((p) => progressRef.current(p)), start, limit)
    return { saver: instance, startAt: start.startAt }
  })
  const [completed, setCompleted] = useState(saver.isCompleted)

  const playing = useRef(false)

  const save = () => {
    if (!saver.dirty) return Promise.resolve(true)
    return saver.save().then((ok) => {
      setSaved(ok)
      return ok
    })
  }

  useEffect(() => {
    saver.thaw() // mounted again after a cleanup (React's strict mode does that in development)
    void flushUnsentProgress(chapter.id)
    void save() // a place the phone kept from last time, or the article's first visit
    const timer = setInterval(() => {
      if (playing.current) void save()
    }, SAVE_EVERY_MS)
    return () => {
      clearInterval(timer)
      saver.freeze()
      void saver.save()
    }
  }, [])

  // Signed in on this page: the place so far goes to that account now (see progressPorts), and
  // what its earlier visits could not send goes too.
  const userId = useSession().user?.id ?? null
  const signedInHere = useRef(false)
  useEffect(() => {
    if (!signedInHere.current) {
      signedInHere.current = true // the first run is the mount, handled above
      return
    }
    if (!userId) return
    void flushUnsentProgress(chapter.id)
    void save()
  }, [userId])

  // The app goes to the background, or another page opens on top.
  useDidHide(() => void save())

  return {
    /** Where the player should start (seconds). */
    startAt,
    completed,
    saved,
    /** The player's current time, and the file's length when the player knows it. Reaching the
     * last seconds completes the chapter. */
    track: (positionSeconds: number, durationSeconds?: number | null) => {
      saver.track(positionSeconds, durationSeconds)
      if (saver.isCompleted) setCompleted(true)
    },
    /** Playing or paused; pausing saves. */
    setPlaying: (yes: boolean) => {
      playing.current = yes
      if (!yes) void save()
    },
    /** Media ended, or 我读完了: done, saved at once. Resolves true when the server has it. */
    finish: (positionSeconds?: number) => {
      saver.complete(positionSeconds)
      setCompleted(true)
      return save()
    },
    /** The player is being torn down: later positions (a reset to 0) are not the reader's. */
    freeze: () => saver.freeze(),
    thaw: () => saver.thaw(),
    /** The position now (for display). */
    position: () => saver.positionSeconds,
  }
}
