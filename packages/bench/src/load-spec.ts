/** What the bench asks of the load generator, and what it answers (plain data, sent over IPC). */

/** Closed-loop load with autocannon: `connections` clients, each sending its next request on each answer. */
export interface LoadSpec {
  name: string
  baseUrl: string
  method: 'GET' | 'POST' | 'PATCH'
  /** Request paths, used in turn. */
  paths: string[]
  headers?: Record<string, string>
  /** JSON bodies, used in turn. */
  bodies?: string[]
  /**
   * Refresh mode: each request sends a refresh token from this pool as `{ refreshToken }` and puts
   * the rotated one it gets back into the pool (tokens are single-use).
   */
  refreshTokens?: string[]
  connections: number
}

/** Open-loop latency probe: one request every 1/rate seconds whatever the answers do. */
export interface ProbeSpec {
  name: string
  url: string
  headers?: Record<string, string>
  rate: number
}

/** Loads and probes run together for `seconds`, after `warmupSeconds` of the same that are not measured. */
export interface PhaseSpec {
  seconds: number
  warmupSeconds: number
  loads: LoadSpec[]
  probes: ProbeSpec[]
}

export interface Latency {
  /** Milliseconds, from every answer (sub-millisecond resolution). */
  p50: number
  p99: number
  max: number
}

export interface LoadResult extends Latency {
  name: string
  /** 2xx answers per second. */
  rps: number
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
  seconds: number
}

export interface ProbeResult extends Latency {
  name: string
  sent: number
  ok: number
  non2xx: number
  errors: number
  statuses: Record<string, number>
}

export interface PhaseResult {
  loads: LoadResult[]
  probes: ProbeResult[]
}

/** The q-th percentile (0-100) of unsorted samples; 0 for none. */
export function percentile (samples: number[], q: number): number {
  if (samples.length === 0) return 0
  const sorted = Float64Array.from(samples).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q / 100 * sorted.length) - 1))]!
}

export function latencyOf (samples: number[]): Latency {
  const round = (ms: number) => Math.round(ms * 1000) / 1000
  return { p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), max: round(percentile(samples, 100)) }
}
