import type { ProbeSpec, LoadSpec } from './load-spec.js'
import type { RunContext, SaturationResult } from './scenario-types.js'

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * `GET /api/auth/me` and a record read at a fixed rate (open loop), first alone, then while
 * logins keep every hashing thread busy; each service's event-loop delay over both windows.
 */
export async function saturate (ctx: RunContext, accessToken: string, login: Omit<LoadSpec, 'name'>): Promise<SaturationResult> {
  const { profile, services, loadgen, dataset } = ctx
  const probes: ProbeSpec[] = [
    { name: 'me', url: `${services.auth.url}/api/auth/me`, headers: bearer(accessToken), rate: profile.probeRate },
    { name: 'record-read', url: `${services.records.url}/api/records/${dataset.heavy[0]!.recordIds[0]}`, headers: bearer(accessToken), rate: profile.probeRate },
  ]
  const seconds = Math.max(profile.durationSeconds, 1.5)
  const reset = () => Promise.all([services.auth.stats(true), services.records.stats(true)])
  const read = async () => ({ auth: await services.auth.stats(), records: await services.records.stats() })
  await loadgen.run({ seconds: profile.warmupSeconds, warmupSeconds: 0, loads: [], probes })
  await reset()
  const idle = await loadgen.run({ seconds, warmupSeconds: 0, loads: [], probes })
  const idleStats = await read()
  await reset()
  const loaded = await loadgen.run({ seconds, warmupSeconds: 0, loads: [{ name: 'login', ...login }], probes })
  const loadedStats = await read()
  return { idle: idle.probes, loaded: loaded.probes, login: loaded.loads[0]!, eventLoop: { idle: idleStats, loaded: loadedStats } }
}
