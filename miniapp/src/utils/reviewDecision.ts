// Pure helpers of the organizer's review (审核): verdict words, the reason check, and what to say
// when a decision cannot be made. No Taro, so unit tests load it in Node.
import type { ReviewVerdict } from '../packages/lecturer/gql/graphql'
import { ApiError, errorMessage } from '../services/errors'

export const MAX_REJECTION_REASON = 200

const VERDICT_LABELS: Record<ReviewVerdict, string> = {
  APPROVED: '通过',
  REJECTED: '退回',
}

export function reviewVerdictLabel(verdict: string): string {
  return VERDICT_LABELS[verdict as ReviewVerdict] ?? verdict
}

/** A reason to send back (trimmed), or the sentence saying what is missing. */
export function checkRejectionReason(reason: string): { reason: string } | { problem: string } {
  const trimmed = reason.trim()
  if (!trimmed) return { problem: '请写下退回的原因，讲师会看到它并据此修改' }
  if (trimmed.length > MAX_REJECTION_REASON) return { problem: `原因最多 ${MAX_REJECTION_REASON} 个字` }
  return { reason: trimmed }
}

export interface DecisionFailure {
  message: string
  /** The item is no longer waiting for this reviewer (decided by someone else, gone): back to the queue. */
  settled: boolean
}

/**
 * What to tell an organizer whose 通过 / 退回 did not go through. Someone else deciding first
 * (CONFLICT) is normal with several reviewers per county: said kindly, and the item leaves the queue.
 */
export function decisionFailure(error: unknown): DecisionFailure {
  if (!(error instanceof ApiError)) return { message: errorMessage('INTERNAL_SERVER_ERROR'), settled: false }
  switch (error.code) {
    case 'CONFLICT':
      // The server names the current revision when the lecturer changed it after it was opened.
      if (error.errors.some((e) => e.extensions?.revision != null)) {
        return { message: '讲师刚刚修改了这一项。请返回列表重新打开，看过修改后再审核。', settled: true }
      }
      return { message: '这一项已经有其他同事审核过了，不需要您再处理。返回列表看看其他待审内容吧。', settled: true }
    case 'NOT_FOUND':
      return { message: '这一项已经不在了（可能已被讲师撤回）。', settled: true }
    case 'FORBIDDEN':
      return { message: '这一项不在您负责的县区，不能由您审核。', settled: true }
    case 'BAD_USER_INPUT':
      return { message: `退回原因请写 1 到 ${MAX_REJECTION_REASON} 个字`, settled: false }
    default:
      return { message: error.message, settled: false }
  }
}

/** A queue item as far as "decided already?" goes: a course (its working revision) or a lecture (its proposal). */
export interface QueueEntry {
  id: string
  revision?: number | null
  proposalRevision?: number | null
  workingRevision?: { revision: number } | null
}

/** The revision an item waits for review with: a lecture's proposal, else a course's working revision (its own when never published). */
export function pendingRevision(item: QueueEntry): number {
  return item.proposalRevision ?? item.workingRevision?.revision ?? item.revision ?? 0
}

/**
 * What is remembered of a decision made here: the item AND the revision decided. A rejected item
 * the lecturer fixes comes back as a new revision, and must show in the queue again.
 */
export function decisionKey(id: string, revision: number): string {
  return `${id}:${revision}`
}

/** The queue without the revisions decided on this phone (until the next load agrees). */
export function withoutDecided<T extends QueueEntry>(items: ReadonlyArray<T>, decided: ReadonlySet<string>): T[] {
  return items.filter((item) => !decided.has(decisionKey(item.id, pendingRevision(item))))
}

/** Organizers (their county; none: the city) and admins review. */
export function isReviewer(role: string | null | undefined): boolean {
  return role === 'ORGANIZER' || role === 'ADMIN'
}
