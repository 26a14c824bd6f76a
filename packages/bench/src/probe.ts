import { freePort } from '@rekam/testing/e2e'

/** The bench's preload, which answers on BENCH_PROBE_PORT from inside a measured process. */
export const PRELOAD = new URL('./preload/event-loop-delay.mjs', import.meta.url).href

/** What a service process reports from inside (the bench's preload, src/preload/). */
export interface ProcessStats {
  eventLoopDelay: { p50: number, p99: number, max: number, mean: number }
  eventLoopUtilization: number
  rss: number
}

/** Reads a process's stats since the last reset; `reset` starts a new window. */
export type StatsReader = (reset?: boolean) => Promise<ProcessStats>

/** Two free ports (the OS may hand the same free port out twice in a row). */
export async function twoPorts (port?: number): Promise<[number, number]> {
  const first = port ?? await freePort()
  let second = await freePort()
  while (second === first) second = await freePort()
  return [first, second]
}

/** The stats of the process whose probe answers on `probePort`. */
export function statsReader (probePort: number): StatsReader {
  return async (reset = false) => {
    const res = await fetch(`http://127.0.0.1:${probePort}/${reset ? '?reset' : ''}`)
    return await res.json() as ProcessStats
  }
}
