import { useCallback, useEffect, useState } from 'react'

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload (): void
}

/** Runs `load` when `key` changes (and on reload); the last answer wins. */
export function useLoad<T> (load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined, error: unknown, loading: boolean }>({ data: undefined, error: undefined, loading: true })
  const [round, setRound] = useState(0)
  useEffect(() => {
    let current = true
    setState((s) => ({ ...s, loading: true, error: undefined }))
    load().then(
      (data) => { if (current) setState({ data, error: undefined, loading: false }) },
      (error: unknown) => { if (current) setState({ data: undefined, error, loading: false }) },
    )
    return () => { current = false }
    // `load` is a new closure on every render; `key` names what it loads.
  }, [key, round])
  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { ...state, reload }
}
