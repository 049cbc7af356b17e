// Asking WeChat to let the server tell a lecturer how review went: WeChat delivers a subscribe
// message only to someone who accepted its template, and asks only during a tap.
import { useEffect, useState } from 'react'
import { request } from '../../services/graphql'
import { askForMessages } from '../../services/booking'
import { LecturerMessageTemplatesDocument } from './gql/graphql'

/** The template ids, loaded with the page so the tap that sends to review can ask at once. */
export function useReviewNoticeTemplates(): ReadonlyArray<string> {
  const [ids, setIds] = useState<ReadonlyArray<string>>([])
  useEffect(() => {
    let live = true
    request(LecturerMessageTemplatesDocument)
      .then(({ subscriptionTemplateIds }) => live && setIds(subscriptionTemplateIds))
      .catch(() => undefined) // without them the lecturer still sees the result in 我的课程
    return () => {
      live = false
    }
  }, [])
  return ids
}

/** Call straight from the tap, before any await. A refusal changes nothing. */
export function askForReviewNotices(ids: ReadonlyArray<string>): void {
  void askForMessages(ids)
}
