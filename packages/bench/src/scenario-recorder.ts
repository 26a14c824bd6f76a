import type { LoadResult, LoadSpec } from './load-spec.js'
import { mb, rssOf } from './rss.js'
import type { RunContext, ScenarioResult } from './scenario-types.js'
import type { ProcessStats, StatsReader } from './probe.js'

/** The process a scenario loads: read from inside when it runs the bench's probe, else by pid. */
export interface UnderTest { stats?: StatsReader, pid?: number }

/** A route whose throughput is compared with others' (see `compared`). */
export interface Compared { id: string, title: string, kind: ScenarioResult['kind'], spec: Omit<LoadSpec, 'name'>, under: UnderTest }

/**
 * How scenarios are run and written down: closed-loop runs of one route, rows of the table from
 * them (one run, or alternating rounds of routes that a ratio compares), and skipped rows.
 */
export function scenarioRecorder (ctx: RunContext, log: (line: string) => void) {
  const { profile, loadgen } = ctx
  const seconds = profile.durationSeconds
  const warmupSeconds = profile.warmupSeconds
  const scenarios: ScenarioResult[] = []

  /** One closed-loop run of one route, with what the process under test reports over it. */
  async function measure (spec: Omit<LoadSpec, 'name'> & { name: string }, under: UnderTest, forSeconds: number): Promise<{ result: LoadResult, stats: ProcessStats | undefined, rss: number | undefined }> {
    let reset: Promise<unknown> = Promise.resolve()
    const { loads: [result] } = await loadgen.run({ seconds: forSeconds, warmupSeconds, loads: [spec], probes: [] }, () => { reset = under.stats?.(true) ?? reset })
    await reset
    const stats = await under.stats?.()
    return { result: result!, stats, rss: stats?.rss ?? (under.pid ? rssOf(under.pid) : undefined) }
  }

  /** A row of the table from one or more runs of the same route: counts summed, latencies and loop use averaged. */
  function record (id: string, title: string, kind: ScenarioResult['kind'], connections: number, runs: Array<Awaited<ReturnType<typeof measure>>>): LoadResult {
    const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, run) => total + pick(run.result), 0)
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
    const statuses: Record<string, number> = {}
    for (const run of runs) for (const [status, n] of Object.entries(run.result.statuses)) statuses[status] = (statuses[status] ?? 0) + n
    const seconds = sum((r) => r.seconds)
    const merged: LoadResult = {
      name: id,
      rps: seconds > 0 ? sum((r) => r.ok) / seconds : 0,
      ok: sum((r) => r.ok),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      timeouts: sum((r) => r.timeouts),
      statuses,
      seconds,
      p50: mean(runs.map((r) => r.result.p50)),
      p99: mean(runs.map((r) => r.result.p99)),
      max: Math.max(...runs.map((r) => r.result.max)),
    }
    const loopUse = runs.flatMap((r) => r.stats ? [r.stats.eventLoopUtilization] : [])
    scenarios.push({
      id,
      title,
      kind,
      rps: merged.rps,
      p50: merged.p50,
      p99: merged.p99,
      rssMB: mb(runs.at(-1)!.rss) ?? null,
      eventLoopUtilization: loopUse.length ? Math.round(mean(loopUse) * 100) / 100 : null,
      connections,
      ok: merged.ok,
      non2xx: merged.non2xx,
      errors: merged.errors,
      timeouts: merged.timeouts,
      statuses,
    })
    return merged
  }

  async function closed (id: string, title: string, kind: ScenarioResult['kind'], spec: Omit<LoadSpec, 'name'>, under: UnderTest, forSeconds = seconds) {
    log(`  ${title}`)
    return record(id, title, kind, spec.connections, [await measure({ name: id, ...spec }, under, forSeconds)])
  }

  /**
   * Routes whose throughputs are compared with one another, run in `profile.rounds` rounds that
   * each give every route its share of the time: forward, then backward, then forward again…, so
   * that a machine drifting during the block (another tenant, thermal, autovacuum) weighs on each
   * route alike and a ratio compares like with like.
   */
  async function compared (entries: Compared[]) {
    const rounds = profile.rounds
    const runs = new Map<string, Array<Awaited<ReturnType<typeof measure>>>>(entries.map((e) => [e.id, []]))
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? entries : [...entries].reverse()
      for (const entry of order) {
        log(`  ${entry.title}${rounds > 1 ? ` (round ${round + 1} of ${rounds})` : ''}`)
        runs.get(entry.id)!.push(await measure({ name: entry.id, ...entry.spec }, entry.under, seconds / rounds))
      }
    }
    for (const entry of entries) record(entry.id, entry.title, entry.kind, entry.spec.connections, runs.get(entry.id)!)
  }

  const skipped = (id: string, title: string, kind: ScenarioResult['kind'], reason: string) => {
    log(`  ${title}: skipped (${reason})`)
    scenarios.push({ id, title, kind, rps: null, p50: null, p99: null, rssMB: null, eventLoopUtilization: null, connections: null, ok: 0, non2xx: 0, errors: 0, timeouts: 0, statuses: {}, skipped: reason })
  }

  return { scenarios, closed, compared, skipped }
}
