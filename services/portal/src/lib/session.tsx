import type { SignedOutReason } from '@rekam/client'
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { rekam, type User } from './rekam.js'

export interface SessionState {
  /** False until the page knows whether the cookie still holds a session. */
  ready: boolean
  user: User | null
  /** Why the last session ended, for the sign-in page to say. */
  reason?: SignedOutReason | undefined
}

const SessionContext = createContext<SessionState>({ ready: false, user: null })

/** Follows the client's session: resumes it from the cookie on load, hears sign-outs from any tab. */
export function SessionProvider ({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ ready: false, user: null })
  useEffect(() => {
    let alive = true
    const stop = rekam.subscribe(({ user, reason }) => {
      if (alive) setState({ ready: true, user, reason })
    })
    rekam.resume().then(
      (user) => { if (alive) setState((s) => ({ ...s, ready: true, user })) },
      () => { if (alive) setState((s) => ({ ...s, ready: true, user: null })) },
    )
    return () => {
      alive = false
      stop()
    }
  }, [])
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>
}

export function useSession (): SessionState {
  return useContext(SessionContext)
}

/** The signed-in user; only inside the routes that require one. */
export function useUser (): User {
  const { user } = useSession()
  if (!user) throw new Error('useUser outside a signed-in route')
  return user
}
