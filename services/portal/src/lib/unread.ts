import { unwrap } from '@rekam/client'
import { useEffect, useSyncExternalStore } from 'react'
import { rekam } from './rekam.js'

/** The signed-in user's unread notification count, shared by the menu's badge and the notifications page. */
let unread = 0
const listeners = new Set<() => void>()

/** Tells every reader the new count (after marking read, or a fresh look at the server). */
export function announceUnread (count: number): void {
  if (count === unread) return
  unread = count
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

/**
 * The unread count, asked of the server again whenever `key` changes (the menu passes the
 * user and the page: each navigation looks once, one indexed count). 0 while unknown or on error.
 */
export function useUnread (key: string | null): number {
  useEffect(() => {
    if (key === null) return announceUnread(0)
    let current = true
    rekam.auth.GET('/api/auth/notifications', { params: { query: { limit: 1 } } })
      .then((result) => unwrap(result).unread)
      .then((count) => { if (current) announceUnread(count) }, () => {})
    return () => { current = false }
  }, [key])
  return useSyncExternalStore(subscribe, () => unread)
}
