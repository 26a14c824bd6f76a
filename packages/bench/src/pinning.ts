import { execFileSync } from 'node:child_process'

/**
 * Which cores the processes under test and the load generator run on. With taskset and at least
 * two cores, the load generator gets the last core of this process's affinity and everything else
 * (services, floors, nginx) the others: the bench pins itself to those before it starts any of
 * them, so every child inherits them, and starts the load generator under `taskset -c <last>`.
 * PostgreSQL is not ours to pin; it runs wherever the OS puts it.
 */
export interface Pinning {
  /** Cores of the services and floors, as a taskset list ("0" or "0-2"); undefined when not pinned. */
  serverCores: string | undefined
  /** The load generator's core; undefined when not pinned. */
  loadCore: string | undefined
  /** What the report says about it. */
  note: string
}

/** Parses a taskset/cpuset list such as "0-3,6". */
export function parseCpuList (list: string): number[] {
  return list.trim().split(',').filter(Boolean).flatMap((part) => {
    const [from, to] = part.split('-').map(Number)
    if (from === undefined || Number.isNaN(from)) return []
    if (to === undefined) return [from]
    return Array.from({ length: to - from + 1 }, (_, i) => from + i)
  })
}

function currentAffinity (): number[] | undefined {
  try {
    const out = execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    const list = out.split(':').pop()
    return list ? parseCpuList(list) : undefined
  } catch {
    return undefined
  }
}

/** Decides the cores and pins this process to the server cores (its children inherit them). */
export function pinProcesses (enabled: boolean): Pinning {
  if (!enabled) return { serverCores: undefined, loadCore: undefined, note: 'not pinned (--no-pin)' }
  const cores = process.platform === 'linux' ? currentAffinity() : undefined
  if (!cores) return { serverCores: undefined, loadCore: undefined, note: 'not pinned (taskset is not available)' }
  if (cores.length < 2) return { serverCores: undefined, loadCore: undefined, note: 'not pinned (one core only)' }
  const loadCore = String(cores[cores.length - 1])
  const serverCores = cores.slice(0, -1).join(',')
  execFileSync('taskset', ['-a', '-pc', serverCores, String(process.pid)], { stdio: 'ignore' })
  return {
    serverCores,
    loadCore,
    note: `services, floors and gateway on core ${serverCores}; load generator on core ${loadCore}; PostgreSQL not pinned`,
  }
}
