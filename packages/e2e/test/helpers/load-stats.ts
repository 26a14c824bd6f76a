import { readFileSync } from 'node:fs'

/** An HTTP status, or `network` when no answer came (refused, reset, timed out). */
export type Outcome = number | 'network'

interface RouteStats {
  outcomes: Map<Outcome, number>
  latencies: number[]
}

/** The value below which `p` (0..1) of the sorted values fall (nearest rank). */
export function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length

/** Requests per route: how each was answered and how long it took. */
export class LoadStats {
  readonly routes = new Map<string, RouteStats>()

  add (route: string, outcome: Outcome, ms: number): void {
    let stats = this.routes.get(route)
    if (!stats) this.routes.set(route, stats = { outcomes: new Map(), latencies: [] })
    stats.outcomes.set(outcome, (stats.outcomes.get(outcome) ?? 0) + 1)
    stats.latencies.push(ms)
  }

  /** `route status × count` for every outcome that matches, e.g. every 5xx. */
  breakdown (matches: (outcome: Outcome) => boolean): string[] {
    return [...this.routes].flatMap(([route, stats]) => [...stats.outcomes]
      .filter(([outcome]) => matches(outcome))
      .map(([outcome, n]) => `${route} ${outcome} × ${n}`))
  }

  count (matches: (outcome: Outcome) => boolean, route?: string): number {
    return [...this.routes].filter(([name]) => route === undefined || name === route)
      .reduce((sum, [, stats]) => sum + [...stats.outcomes].filter(([o]) => matches(o)).reduce((s, [, n]) => s + n, 0), 0)
  }

  /** One line per route: requests, status counts, p50 and p99 latency. */
  table (): string[] {
    return [...this.routes].sort(([a], [b]) => a.localeCompare(b)).map(([route, stats]) => {
      const sorted = [...stats.latencies].sort((a, b) => a - b)
      const outcomes = [...stats.outcomes].map(([o, n]) => `${o}: ${n}`).join(', ')
      return `${route.padEnd(28)} ${String(sorted.length).padStart(6)} req  p50 ${percentile(sorted, 0.5).toFixed(0).padStart(5)} ms  p99 ${percentile(sorted, 0.99).toFixed(0).padStart(5)} ms  (${outcomes})`
    })
  }
}

/** Resident set size of a process in MB, from /proc (Linux); undefined where there is none. */
export function rssMb (pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** Samples the RSS of named processes at a fixed interval until stopped. */
export class RssSampler {
  readonly samples = new Map<string, number[]>()
  #timer: NodeJS.Timeout | undefined

  constructor (readonly pids: Record<string, number>) {
    for (const name of Object.keys(pids)) this.samples.set(name, [])
  }

  sample (): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const mb = rssMb(pid)
      if (mb !== undefined) this.samples.get(name)!.push(mb)
    }
  }

  start (intervalMs: number): void {
    this.sample()
    this.#timer = setInterval(() => this.sample(), intervalMs)
  }

  stop (): void {
    clearInterval(this.#timer)
    this.sample()
  }
}

/** The mean of each third of the samples (first, second, last). */
export function thirds (samples: number[]): [number, number, number] {
  const size = samples.length / 3
  const part = (i: number) => mean(samples.slice(Math.round(i * size), Math.round((i + 1) * size)))
  return [part(0), part(1), part(2)]
}
