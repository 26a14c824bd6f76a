/**
 * Fixed-window counters, for per-route limits and login lockouts: the shapes both stores share
 * (PostgreSQL, `postgres-counters.ts`, and Redis, `redis-counters.ts`).
 */
export interface WindowCount {
  count: number
  /** When the window ends and the count starts again from zero. */
  resetAt: Date
}

/** The counter key of a per-route limit: the route (method and path, or a group) and the client address. */
export const routeLimitKey = (route: string, client: string) => `route:${route}:${client}`

/** One counter of a reservation and the count at which it refuses. */
export interface CounterLimit {
  key: string
  max: number
}

/**
 * What `reserve` decided: allowed (every counter was below its limit and counted one more), or
 * refused (only the counters at their limit counted one more). Windows in the order asked.
 */
export interface Reservation {
  allowed: boolean
  windows: WindowCount[]
}
