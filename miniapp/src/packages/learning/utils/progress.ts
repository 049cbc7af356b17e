// Saving a reader's place in a chapter. Pure (the network and the phone's storage come in as
// functions), so unit tests drive it with fakes and a fake clock.
//
// The rules the player promises:
// - the position is remembered on the phone every few seconds and at every save, so closing the
//   app, losing the network or a crash never loses more than a few seconds;
// - saves to the server are quiet: a failure keeps the record marked unsent on the phone, and the
//   next save (or the next visit) sends it again;
// - one request at a time: a save asked for while one is on its way sends the newest position
//   once that one is answered;
// - done stays done: once completed, later saves still say completed.

export interface ChapterKey {
  courseId: string
  chapterId: string
}

/** What the phone keeps about one chapter. `synced`: the server has this position. */
export interface LocalProgress extends ChapterKey {
  positionSeconds: number
  completed: boolean
  /** When it was recorded on the phone (ms). */
  at: number
  synced: boolean
}

export interface ProgressInput extends ChapterKey {
  positionSeconds: number
  completed: boolean
}

export interface SaverPorts<R> {
  /** saveChapterProgress; rejects on any failure. */
  send(input: ProgressInput): Promise<R>
  /** Writes the phone's record (never throws). */
  remember(record: LocalProgress): void
  now(): number
  /** The server's answer to a save (the course's progress), e.g. to show 已学完. */
  onSaved?(result: R, input: ProgressInput): void
}

/** How often the position is written to the phone while playing. */
export const REMEMBER_EVERY_MS = 5000
/** The longest chapter the server accepts (10 hours): the position limit when a chapter has no duration. */
export const MAX_CHAPTER_SECONDS = 36000
/** How often it is sent to the server while playing. */
export const SAVE_EVERY_MS = 15000

export class ProgressSaver<R = unknown> {
  private position: number
  private completed: boolean
  /** What the server is known to have (null: nothing, or unknown). */
  private acknowledged: { position: number; completed: boolean } | null
  private sending: Promise<void> | null = null
  private followUp: Promise<boolean> | null = null
  private lastRemembered = -Infinity
  private stopped = false

  constructor(
    private readonly key: ChapterKey,
    private readonly ports: SaverPorts<R>,
    start: { positionSeconds: number; completed: boolean; synced: boolean },
    /** The chapter's length: the server refuses a position beyond it (a file a little longer than
     * its stated duration must not make every save fail). */
    private readonly maxSeconds = Infinity,
  ) {
    this.position = this.clamp(start.positionSeconds)
    this.completed = start.completed
    this.acknowledged = start.synced ? { position: this.position, completed: this.completed } : null
  }

  get positionSeconds(): number {
    return this.position
  }

  get isCompleted(): boolean {
    return this.completed
  }

  /** Something the server does not have yet. */
  get dirty(): boolean {
    const ack = this.acknowledged
    return !ack || ack.position !== this.position || ack.completed !== this.completed
  }

  /**
   * Where playback is now (from the player's time updates). Written to the phone every few seconds.
   * Ignored once `freeze()` was called: a player being torn down reports 0 as it stops.
   */
  track(positionSeconds: number): void {
    if (this.stopped) return
    const next = this.clamp(positionSeconds)
    if (next === this.position) return
    this.position = next
    if (this.ports.now() - this.lastRemembered >= REMEMBER_EVERY_MS) this.remember()
  }

  /** The reader finished the chapter (media ended, 我读完了). */
  complete(positionSeconds?: number): void {
    if (positionSeconds !== undefined && !this.stopped) this.position = this.clamp(positionSeconds)
    this.completed = true
    this.remember()
  }

  /** From now on positions reported by the player are ignored (the page is being left). */
  freeze(): void {
    this.stopped = true
  }

  /** Positions count again (back on the page, the reader pressed play). */
  thaw(): void {
    this.stopped = false
  }

  /**
   * Sends the newest position when the server does not have it. Resolves true when it got there
   * (or nothing needed sending), false when it could not be sent (kept on the phone, sent next
   * time). Asked while a save is on its way: one more save follows that one, with the newest.
   */
  save(): Promise<boolean> {
    if (this.sending) {
      this.followUp ??= this.sending.then(() => {
        this.followUp = null
        return this.save()
      })
      return this.followUp
    }
    if (!this.dirty) return Promise.resolve(true)
    const input: ProgressInput = { ...this.key, positionSeconds: this.position, completed: this.completed }
    this.remember(false)
    const sending = this.ports.send(input).then(
      (result) => {
        this.acknowledged = { position: input.positionSeconds, completed: input.completed }
        if (!this.dirty) this.remember(true)
        this.ports.onSaved?.(result, input)
        return true
      },
      () => false, // quiet: the phone keeps it, unsent
    )
    this.sending = sending.then(() => {
      this.sending = null
    })
    return sending
  }

  private clamp(seconds: number): number {
    return Math.min(wholeSeconds(seconds), Math.floor(this.maxSeconds))
  }

  private remember(synced = !this.dirty): void {
    this.lastRemembered = this.ports.now()
    this.ports.remember({ ...this.key, positionSeconds: this.position, completed: this.completed, at: this.lastRemembered, synced })
  }
}

function wholeSeconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

// ------------------------------------------------------------------ the phone's records

/** Records kept on the phone, newest last; old ones fall off beyond `limit`. */
export type LocalProgressBook = Record<string, LocalProgress>

export const LOCAL_PROGRESS_LIMIT = 60

export function putLocalProgress(book: LocalProgressBook | null, record: LocalProgress, limit = LOCAL_PROGRESS_LIMIT): LocalProgressBook {
  const entries = Object.values(book ?? {}).filter((entry) => entry.chapterId !== record.chapterId)
  entries.push(record)
  // Never drop an unsent record to make room: drop the oldest sent ones first.
  const sorted = entries.sort((a, b) => Number(b.synced) - Number(a.synced) || a.at - b.at)
  while (sorted.length > limit && sorted[0].synced) sorted.shift()
  const result: LocalProgressBook = {}
  for (const entry of sorted) result[entry.chapterId] = entry
  return result
}

/** Records the server does not have yet. */
export function unsentProgress(book: LocalProgressBook | null): LocalProgress[] {
  return Object.values(book ?? {}).filter((entry) => entry && !entry.synced)
}

export interface ServerChapterProgress {
  positionSeconds: number
  completed: boolean
}

/**
 * Where the player starts: the phone's record when the server does not have it yet (it is newer
 * than anything this phone sent), else the server's (which may come from another phone). A
 * finished chapter, or one stopped within the last few seconds, starts from the beginning again.
 */
export function startingPoint(
  server: ServerChapterProgress | null | undefined,
  local: LocalProgress | null | undefined,
  durationSeconds: number | null | undefined,
): { positionSeconds: number; completed: boolean; synced: boolean } {
  const completed = Boolean(server?.completed || local?.completed)
  const fromPhone = local && !local.synced
  const position = fromPhone ? local.positionSeconds : server ? server.positionSeconds : local?.positionSeconds ?? 0
  const duration = durationSeconds && durationSeconds > 0 ? durationSeconds : null
  const nearEnd = duration !== null && position >= duration - 3
  const resumeAt = nearEnd ? 0 : Math.max(0, Math.floor(position))
  // The start is "synced" when the server already has exactly this; a phone record is sent at once.
  return { positionSeconds: resumeAt, completed, synced: !fromPhone && resumeAt === Math.floor(position) }
}
