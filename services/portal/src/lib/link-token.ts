import { useEffect, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'

/** The token of a mailed link (`/set-password#token=…`); undefined when the fragment has none. */
export function tokenFromFragment (hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim()
  return token || undefined
}

/**
 * The token a mailed link carries in its fragment (a fragment never reaches a server, so neither
 * gateway logs nor Referer headers see it). Kept in memory and wiped from the address bar and the
 * history entry once read, so it does not linger in the browser's history or a synced tab.
 * A page keys its form by the token, so a second link starts afresh.
 */
export function useLinkToken (): string | undefined {
  const location = useLocation()
  const navigate = useNavigate()
  const [token, setToken] = useState(() => tokenFromFragment(location.hash))
  useEffect(() => {
    if (!location.hash) return
    // Another link opened in the same tab (a fragment change, no reload) replaces the token.
    const fresh = tokenFromFragment(location.hash)
    if (fresh) setToken(fresh)
    navigate({ pathname: location.pathname, search: location.search }, { replace: true })
  }, [location, navigate])
  return token
}
