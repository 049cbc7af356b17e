import type { ReactNode } from 'react'
import PageRoot from '../../components/PageRoot'
import SignInPanel from '../../components/SignInPanel'
import StatusView from '../../components/StatusView'
import { useSession } from '../../hooks/useStore'
import { isReviewer } from '../../utils/reviewDecision'
import type { SessionUser } from '../../services/session'

export interface Organizer {
  user: SessionUser
  /** The organizer's county; null for city organizers and admins (the whole city). */
  countyCode: string | null
  /** City organizers (ORGANIZER without a county) and admins: they set targets and cover every county. */
  citywide: boolean
}

export function organizerOf(user: SessionUser): Organizer {
  const countyCode = user.role === 'ADMIN' ? null : user.countyCode ?? null
  return { user, countyCode, citywide: countyCode === null }
}

/**
 * The page root of the organizer's outreach pages: sign in first, then organizers and admins only
 * (as the review queue does); the page itself gets who is looking.
 */
export default function OrganizerGate({ className, title, children }: { className: string; title: string; children: (organizer: Organizer) => ReactNode }) {
  const { token, user } = useSession()
  return (
    <PageRoot className={`orgp ${className}`}>
      {!token || !user ? (
        <SignInPanel title={title} />
      ) : !isReviewer(user.role) ? (
        <StatusView kind='empty' message='这里只对妇联工作人员开放。如果您是工作人员，请联系管理员开通。' />
      ) : (
        children(organizerOf(user))
      )}
    </PageRoot>
  )
}
