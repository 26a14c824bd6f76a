import { useEffect, useState, useSyncExternalStore } from 'react'

/**
 * The emergency grants this tab's doctor holds, so that every page read under one says so (the
 * API answers a read under emergency access as any other read). Kept in sessionStorage: a reload
 * keeps the banner, the tab's end forgets it; it holds ids and an end time, nothing secret.
 */
const KEY = 'rekam.emergency'

interface Held {
  userId: string
  patientId: string
  endsAt: string
}

const listeners = new Set<() => void>()

function read (): Held[] {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed as Held[] : []
  } catch {
    return []
  }
}

let snapshot = typeof window === 'undefined' ? '[]' : window.sessionStorage.getItem(KEY) ?? '[]'

function subscribe (listener: () => void) {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

/** Remembers a grant the API has just given (expired ones are forgotten on the way). */
export function rememberEmergency (userId: string, patientId: string, endsAt: string): void {
  const now = Date.now()
  const kept = read().filter((h) => Date.parse(h.endsAt) > now && !(h.userId === userId && h.patientId === patientId))
  snapshot = JSON.stringify([...kept, { userId, patientId, endsAt }])
  window.sessionStorage.setItem(KEY, snapshot)
  for (const listener of listeners) listener()
}

/**
 * The end (ISO instant) of the user's emergency access to the patient while it lasts; undefined
 * before it and once it has ended (the component renders again at the end).
 */
export function useEmergency (userId: string, patientId: string | undefined): string | undefined {
  const stored = useSyncExternalStore(subscribe, () => snapshot)
  const [now, setNow] = useState(Date.now)
  const held = patientId === undefined
    ? undefined
    : (JSON.parse(stored) as Held[]).find((h) => h.userId === userId && h.patientId === patientId)
  const endsAt = held?.endsAt
  useEffect(() => {
    if (!endsAt) return
    const left = Date.parse(endsAt) - Date.now()
    if (left <= 0) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(left + 100, 2 ** 31 - 1))
    return () => clearTimeout(timer)
  }, [endsAt])
  return endsAt && Date.parse(endsAt) > now ? endsAt : undefined
}
