import { useState, type ReactNode } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { Loading } from '../components/ui/notice.js'
import type { Role } from '../lib/rekam.js'
import type { GuestHold } from '../lib/guest-hold.js'
import { useSession } from '../lib/session.js'

/** Where each role starts. */
export const HOME: Record<Role, string> = { PATIENT: '/records', DOCTOR: '/patients', ADMIN: '/admin/users' }

/** Signed-in routes: without a session, to sign-in (which says why the last one ended). */
export function RequireSession () {
  const { ready, user } = useSession()
  const location = useLocation()
  if (!ready) return <Loading />
  if (!user) return <Navigate to='/sign-in' replace state={{ from: location.pathname + location.search }} />
  return <Outlet />
}

/** Routes of some roles only; others go to their own start page. */
export function RequireRole ({ roles, children }: { roles: Role[], children?: ReactNode }) {
  const { user } = useSession()
  if (!user) return null
  if (!roles.includes(user.role)) return <Navigate to={HOME[user.role]} replace />
  return children ?? <Outlet />
}

/**
 * Sign-in and register: a signed-in visitor goes where they were heading, or home; unless the page
 * holds them (recovery codes still to be seen after an enrolment at sign-in).
 */
export function GuestOnly () {
  const { ready, user } = useSession()
  const location = useLocation()
  const [held, setHeld] = useState(false)
  if (!ready) return <Loading />
  if (user && !held) {
    const from = (location.state as { from?: string } | null)?.from
    return <Navigate to={from ?? HOME[user.role]} replace />
  }
  const context: GuestHold = { hold: setHeld }
  return <Outlet context={context} />
}

export function Home () {
  const { user } = useSession()
  return <Navigate to={user ? HOME[user.role] : '/sign-in'} replace />
}
