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
// - done stays done: once completed, later saves still say completed;
// - heard to the end is done: stopping in the last few seconds (the player may never send its
//   ended event) completes the chapter, judged against the file's real length once the player
//   knows it (the length the lecturer typed may be wrong);
// - the server refuses a position beyond the chapter's stated length: what is sent is capped there,
//   while the phone keeps the real place (a file longer than stated still resumes where it was).

export interface ChapterKey {
  courseId: string
  chapterId: string
}

/** What the phone keeps about one chapter. `synced`: the server has this position. */
export interface LocalProgress extends ChapterKey {
  /** The real place in the file (may lie beyond the stated length the server caps at). */
  positionSeconds: number
  completed: boolean
  /** When it was recorded on the phone (ms). */
  at: number
  synced: boolean
  /** The file's real length, once the player knew it. */
  durationSeconds?: number
  /** The chapter's stated length: the server takes positions up to here (see `progressInputOf`). */
  limitSeconds?: number
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
/** Stopped within this many seconds of the end, a chapter counts as heard to the end. */
export const NEAR_END_SECONDS = 3

/** `position` lies in the last few seconds of a file `duration` long. */
export function isNearEnd(positionSeconds: number, durationSeconds: number | null | undefined): boolean {
  return Boolean(durationSeconds && durationSeconds > 0 && positionSeconds >= durationSeconds - NEAR_END_SECONDS)
}

/** Where a saver starts: see `startingPoint`. */
export interface SaverStart {
  positionSeconds: number
  completed: boolean
  /** The server has exactly this (capped at its limit). */
  synced: boolean
  /** The file's real length, when the phone knew it from an earlier visit. */
  durationSeconds?: number | null
}

export class ProgressSaver<R = unknown> {
  /** The real place (whole seconds), not capped: the phone keeps it as it is. */
  private position: number
  private completed: boolean
  /** The file's real length, from the player (null until it knows). */
  private mediaDuration: number | null
  /** What the server is known to have (null: nothing, or unknown). */
  private acknowledged: { position: number; completed: boolean } | null
  private sending: Promise<void> | null = null
  private followUp: Promise<boolean> | null = null
  private lastRemembered = -Infinity
  private stopped = false

  constructor(
    private readonly key: ChapterKey,
    private readonly ports: SaverPorts<R>,
    start: SaverStart,
    /** The chapter's stated length: the server refuses a position beyond it, so what is sent is
     * capped there (a file a little longer than stated must not make every save fail). */
    private readonly maxSeconds = Infinity,
  ) {
    this.position = wholeSeconds(start.positionSeconds)
    this.completed = start.completed
    this.mediaDuration = start.durationSeconds && start.durationSeconds > 0 ? start.durationSeconds : null
    this.acknowledged = start.synced ? { position: this.sendable(), completed: this.completed } : null
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
    return !ack || ack.position !== this.sendable() || ack.completed !== this.completed
  }

  /**
   * Where playback is now (from the player's time updates), and the file's real length when the
   * player knows it. Written to the phone every few seconds; reaching the last few seconds
   * completes the chapter (written at once). Ignored once `freeze()` was called: a player being
   * torn down reports 0 as it stops.
   */
  track(positionSeconds: number, durationSeconds?: number | null): void {
    if (this.stopped) return
    if (durationSeconds !== undefined && durationSeconds !== null && Number.isFinite(durationSeconds) && durationSeconds > 0) {
      this.mediaDuration = durationSeconds
    }
    const next = wholeSeconds(positionSeconds)
    if (!this.completed && isNearEnd(next, this.mediaDuration)) {
      this.position = next
      this.completed = true
      this.remember()
      return
    }
    if (next === this.position) return
    this.position = next
    if (this.ports.now() - this.lastRemembered >= REMEMBER_EVERY_MS) this.remember()
  }

  /** The reader finished the chapter (media ended, 我读完了). */
  complete(positionSeconds?: number): void {
    if (positionSeconds !== undefined && !this.stopped) this.position = wholeSeconds(positionSeconds)
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
    const input: ProgressInput = { ...this.key, positionSeconds: this.sendable(), completed: this.completed }
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

  /** The position as the server takes it: never beyond the chapter's stated length. */
  private sendable(): number {
    return Math.min(this.position, Math.floor(this.maxSeconds))
  }

  private remember(synced = !this.dirty): void {
    this.lastRemembered = this.ports.now()
    const record: LocalProgress = { ...this.key, positionSeconds: this.position, completed: this.completed, at: this.lastRemembered, synced }
    if (this.mediaDuration) record.durationSeconds = this.mediaDuration
    if (Number.isFinite(this.maxSeconds)) record.limitSeconds = Math.floor(this.maxSeconds)
    this.ports.remember(record)
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

/** What a record sends: its place, capped at the chapter's stated length (the server's limit). */
export function progressInputOf(record: LocalProgress): ProgressInput {
  const limit = record.limitSeconds && record.limitSeconds > 0 ? record.limitSeconds : Infinity
  return { courseId: record.courseId, chapterId: record.chapterId, positionSeconds: Math.min(record.positionSeconds, limit), completed: record.completed }
}

/** Records the server does not have yet. */
export function unsentProgress(book: LocalProgressBook | null): LocalProgress[] {
  return Object.values(book ?? {}).filter((entry) => entry && !entry.synced)
}

export interface ServerChapterProgress {
  positionSeconds: number
  completed: boolean
}

export interface StartingPoint extends SaverStart {
  /** Where the player begins: the place, or 0 to hear a finished chapter again. */
  startAt: number
}

/**
 * Where a chapter starts, for the saver and the player. The place is the phone's record when the
 * server does not have it yet (it is newer than anything this phone sent), else the server's
 * (which may come from another phone) — or the phone's sent record when the server holds exactly
 * that, capped at `limitSeconds` (the phone knows the real place in a file longer than stated).
 * The phone's "completed" counts only while unsent: a sent one is the server's to say.
 * A finished chapter, or one left in its last seconds of a file whose real length the phone knows
 * (heard to the end: it is completed now, and the server told so), plays from the beginning; the
 * saver keeps the place, so nothing is overwritten until the reader plays.
 * A position near the end of only the stated length resumes there: the stated length may be wrong.
 */
export function startingPoint(
  server: ServerChapterProgress | null | undefined,
  local: LocalProgress | null | undefined,
  limitSeconds: number | null | undefined,
): StartingPoint {
  const limit = limitSeconds && limitSeconds > 0 ? Math.floor(limitSeconds) : Infinity
  const unsent = local && !local.synced ? local : null
  const sentHere = local?.synced && (!server || server.positionSeconds === Math.min(wholeSeconds(local.positionSeconds), limit)) ? local : null
  const position = wholeSeconds(unsent ? unsent.positionSeconds : sentHere ? sentHere.positionSeconds : server?.positionSeconds ?? 0)
  const durationSeconds = local?.durationSeconds && local.durationSeconds > 0 ? local.durationSeconds : null
  const alreadyDone = Boolean(server?.completed || unsent?.completed)
  const heardToEnd = !alreadyDone && isNearEnd(position, durationSeconds)
  const completed = alreadyDone || heardToEnd
  return {
    startAt: completed ? 0 : position,
    positionSeconds: position,
    completed,
    synced: !unsent && !heardToEnd,
    durationSeconds,
  }
}

/**
 * This phone's record of a chapter when the course page should show it over the server's: when it
 * is newer than the page's data (not sent yet, or written after that data was asked for: the answer
 * may have missed it, e.g. the save on leaving a chapter racing the course page's refresh). Null:
 * the server's stands.
 */
export function phoneProgressNewer(
  server: ServerChapterProgress | null | undefined,
  local: LocalProgress | null | undefined,
  fetchedAt: number,
): ServerChapterProgress | null {
  if (!local || (local.synced && local.at <= fetchedAt)) return null
  return { positionSeconds: local.positionSeconds, completed: Boolean(server?.completed) || local.completed }
}
