import { databaseUnavailable, isConnectionError } from './connection-errors.js'

export type CircuitState = 'closed' | 'open'

export interface CircuitOptions {
  /** One round trip to the database; resolves once it serves again. */
  probe: () => Promise<unknown>
  /** How long after a failed probe the next one runs. */
  probeIntervalMs: number
  /** Called as the circuit opens, to fail what is already waiting for a connection. */
  onOpen?: (cause: unknown) => void
  /** Swappable clock for tests; only differences between readings matter. */
  now?: () => number
}

export interface Circuit {
  readonly state: CircuitState
  /** Throws DB_CIRCUIT_OPEN while the database is known to be unreachable. */
  check (): void
  /** Hears about every failed query; a connection error opens the circuit. */
  record (error: unknown): void
  /** Probes now if the circuit is open and a probe is due by the clock (its timer also probes). */
  tick (): Promise<void>
  dispose (): void
}

/**
 * A circuit breaker for one connection pool. Once a connection fails, every query waiting for
 * one would fail the same way, each after its own connect timeout; instead they answer 503 at
 * once while a `select 1` probe runs (at once, then every `probeIntervalMs` until one answers),
 * and the circuit closes by itself when one does, traffic or not. SQL errors never open it.
 */
export function createCircuit (opts: CircuitOptions): Circuit {
  const now = opts.now ?? (() => performance.now())
  let state: CircuitState = 'closed'
  let nextProbeAt = 0
  let probing: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let disposed = false

  /** While open, a timer is always pending or a probe running, so the circuit closes by itself. */
  function schedule (ms: number) {
    clearTimeout(timer)
    if (disposed) return
    // The timer probes without asking the clock: a timer may fire a little before `now()` says
    // the interval has passed, and a probe skipped then would never be retried.
    timer = setTimeout(() => { if (state === 'open' && !probing) start() }, ms)
    // A pending probe never keeps the process alive (shutdown, a test's end).
    timer.unref()
  }

  function start () {
    probing = probe()
    return probing
  }

  async function probe () {
    try {
      await opts.probe()
      state = 'closed'
      clearTimeout(timer)
    } catch {
      nextProbeAt = now() + opts.probeIntervalMs
      schedule(opts.probeIntervalMs)
    } finally {
      probing = undefined
    }
  }

  function tick (): Promise<void> {
    if (probing) return probing
    if (state === 'closed' || disposed || now() < nextProbeAt) return Promise.resolve()
    return start()
  }

  return {
    get state () {
      return state
    },
    check () {
      if (state === 'open') throw databaseUnavailable('DB_CIRCUIT_OPEN', 'The database is unreachable; waiting for a probe to succeed')
    },
    record (error) {
      if (state === 'open' || disposed || !isConnectionError(error)) return
      state = 'open'
      opts.onOpen?.(error)
      // The first probe goes at once: a single broken connection (a restarted server, a reset)
      // closes the circuit again within a round trip.
      nextProbeAt = now()
      tick().catch(() => {})
    },
    tick,
    dispose () {
      disposed = true
      clearTimeout(timer)
    },
  }
}
