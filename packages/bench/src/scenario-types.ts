import type { LoadResult, ProbeResult } from './load-spec.js'
import type { Dataset } from './dataset.js'
import type { LoadGenerator } from './load-generator.js'
import type { Profile } from './options.js'
import type { BcryptFloor } from './floors.js'
import type { Gateway } from './gateway.js'
import type { ProcessStats, StatsReader } from './probe.js'
import type { Services } from './services.js'
import type { Server } from './stack.js'

/** One row of the table: closed-loop load on one route of one process. */
export interface ScenarioResult {
  id: string
  title: string
  kind: 'service' | 'floor' | 'gateway'
  /** 2xx answers (or, for the hashing floor, compares) per second; null when not measured. */
  rps: number | null
  p50: number | null
  p99: number | null
  /** RSS of the process under test right after the scenario (nginx: master and workers). */
  rssMB: number | null
  /**
   * Share of the measured time the process's event loop was busy (0-1), from inside the process:
   * near 1, its own JavaScript bounds it; lower, it waits on the database or on hashing threads.
   */
  eventLoopUtilization: number | null
  connections: number | null
  ok: number
  non2xx: number
  errors: number
  timeouts: number
  statuses: Record<string, number>
  /** Why the scenario was not measured. */
  skipped?: string
}

export interface SaturationResult {
  /** The probes alone. */
  idle: ProbeResult[]
  /** The same probes while logins keep every hashing thread busy. */
  loaded: ProbeResult[]
  login: LoadResult
  eventLoop: { idle: { auth: ProcessStats, records: ProcessStats }, loaded: { auth: ProcessStats, records: ProcessStats } }
}

export interface Measurements {
  scenarios: ScenarioResult[]
  bcrypt: BcryptFloor
  saturation: SaturationResult
  rssAfterMB: { 'auth-service': number, 'records-service': number }
}

export interface RunContext {
  profile: Profile
  services: Services
  floors: Server & { stats: StatsReader }
  gateway: Gateway
  loadgen: LoadGenerator
  dataset: Dataset
  /** Vacuums what the scenarios wrote and checkpoints, so that neither runs during what comes next. */
  settle (): Promise<void>
}
