import { BENCH_PASSWORD, type Account, type Dataset } from './dataset.js'
import type { LoadGenerator } from './load-generator.js'
import type { LoadResult, LoadSpec, ProbeResult, ProbeSpec } from './load-spec.js'
import type { Profile } from './options.js'
import { mb, rssOf } from './rss.js'
import { measureBcrypt, type BcryptFloor, type Gateway, type ProcessStats, type Server, type Services, type StatsReader } from './stack.js'

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

/**
 * A route of the services that verifies the access token and touches no database, to compare
 * with the bare floor. The services have none; set its path here when one exists.
 */
const PROTECTED_NO_DB_ROUTE: { service: 'auth' | 'records', path: string } | undefined = { service: 'records', path: '/api/records/permissions' }

interface Tokens { accessToken: string, refreshToken: string }

async function login (authUrl: string, account: Account): Promise<Tokens> {
  const res = await fetch(`${authUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: BENCH_PASSWORD }),
  })
  const body = await res.json() as { data?: { tokens: Tokens } }
  if (res.status !== 200 || !body.data) throw new Error(`login as ${account.email} answered ${res.status}: ${JSON.stringify(body)}`)
  return body.data.tokens
}

/** Logs in each account, a few at a time (the service's hashing queue is bounded). */
async function loginAll (authUrl: string, accounts: Account[]): Promise<Tokens[]> {
  const tokens: Tokens[] = []
  for (let i = 0; i < accounts.length; i += 8) tokens.push(...await Promise.all(accounts.slice(i, i + 8).map((a) => login(authUrl, a))))
  return tokens
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
/** The process a scenario loads: read from inside when it runs the bench's probe, else by pid. */
interface UnderTest { stats?: StatsReader, pid?: number }

export async function runScenarios (ctx: RunContext, log: (line: string) => void): Promise<Measurements> {
  const { profile, services, floors, gateway, loadgen, dataset } = ctx
  const seconds = profile.durationSeconds
  const warmupSeconds = profile.warmupSeconds
  const patient = dataset.heavy[0]!
  const doctor = dataset.doctors[0]!
  const [patientTokens, doctorTokens] = await loginAll(services.auth.url, [patient, doctor]) as [Tokens, Tokens]
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

  interface Compared { id: string, title: string, kind: ScenarioResult['kind'], spec: Omit<LoadSpec, 'name'>, under: UnderTest }
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
  const get = (baseUrl: string, paths: string[], token?: string, connections = 10): Omit<LoadSpec, 'name'> =>
    ({ baseUrl, method: 'GET', paths, connections, ...(token ? { headers: bearer(token) } : {}) })
  const recordPaths = (prefix: string) => patient.recordIds.map((id) => `${prefix}/${id}`)
  // The floors' audited statements read as the patient, as the service scenarios do.
  const auditedPaths = recordPaths('/audited/records').map((path) => `${path}?userId=${patient.userId}`)
  const ownList = `/records?userId=${patient.userId}`

  // JIT, connection pools and caches warm up on every route measured first, so that the first
  // scenario of each process is not measured colder than the ones after it.
  log('  warming up every process (not measured)')
  await loadgen.run({
    seconds: warmupSeconds * 2,
    warmupSeconds: 0,
    probes: [],
    loads: [
      { name: 'warm-floors', ...get(floors.url, [...recordPaths('/records'), ...recordPaths('/drizzle/records'), ...recordPaths('/drizzle-defined/records'), ...recordPaths('/drizzle-prepared/records'), ...auditedPaths, ownList], undefined, 4) },
      { name: 'warm-records', ...get(services.records.url, [...recordPaths('/api/records'), '/api/records'], patientTokens.accessToken, 4) },
      { name: 'warm-gateway', ...get(gateway.url, recordPaths('/api/records'), patientTokens.accessToken, 2) },
      { name: 'warm-auth', ...get(services.auth.url, ['/api/auth/me'], patientTokens.accessToken, 4) },
    ],
  })

  // The routes each ratio compares, measured in alternating rounds (see `compared`).
  const block: Compared[] = [{ id: 'floor-bare', title: 'floor: bare Fastify route, no work', kind: 'floor', spec: get(floors.url, ['/bare']), under: floors }]
  if (PROTECTED_NO_DB_ROUTE) {
    const service = services[PROTECTED_NO_DB_ROUTE.service]
    block.push({ id: 'protected-no-db', title: 'protected route, no database', kind: 'service', spec: get(service.url, [PROTECTED_NO_DB_ROUTE.path], patientTokens.accessToken), under: service })
  }
  block.push(
    { id: 'floor-record-read-audited', title: 'floor: record read and its audit row, raw postgres.js', kind: 'floor', spec: get(floors.url, auditedPaths), under: floors },
    { id: 'floor-record-read', title: 'floor: record-read SQL, raw postgres.js', kind: 'floor', spec: get(floors.url, recordPaths('/records')), under: floors },
    { id: 'floor-record-read-drizzle', title: 'floor: record-read SQL, drizzle, built once', kind: 'floor', spec: get(floors.url, recordPaths('/drizzle-defined/records')), under: floors },
    { id: 'floor-record-read-drizzle-builder', title: 'floor: record-read SQL, drizzle builder per call', kind: 'floor', spec: get(floors.url, recordPaths('/drizzle/records')), under: floors },
    { id: 'floor-record-read-drizzle-prepared', title: 'floor: record-read SQL, drizzle .prepare()', kind: 'floor', spec: get(floors.url, recordPaths('/drizzle-prepared/records')), under: floors },
    { id: 'record-read', title: 'record read by id, as its patient', kind: 'service', spec: get(services.records.url, recordPaths('/api/records'), patientTokens.accessToken), under: services.records },
    { id: 'gateway-record-read', title: `record read through the gateway (${gateway.kind})`, kind: 'gateway', spec: get(gateway.url, recordPaths('/api/records'), patientTokens.accessToken), under: { pid: gateway.pid } },
    { id: 'floor-records-list', title: 'floor: "my records" SQL, raw postgres.js', kind: 'floor', spec: get(floors.url, [ownList]), under: floors },
    { id: 'records-list', title: '"my records" list, first page', kind: 'service', spec: get(services.records.url, ['/api/records'], patientTokens.accessToken), under: services.records },
  )
  await compared(block)
  if (!PROTECTED_NO_DB_ROUTE) {
    skipped('protected-no-db', 'protected route, no database', 'service', 'the services have no route that verifies a token without database work')
  }

  log('  floor: raw bcryptjs compares')
  // A few compares a second at cost 12: the hashing floor and login run twice as long, for enough of them.
  const hashingSeconds = seconds * 2
  const bcrypt = await measureBcrypt(dataset.passwordHash, BENCH_PASSWORD, hashingSeconds, warmupSeconds)
  scenarios.push({ id: 'floor-bcrypt', title: `floor: raw bcryptjs compares, ${bcrypt.threads} thread(s)`, kind: 'floor', rps: bcrypt.perSecond, p50: null, p99: null, rssMB: null, eventLoopUtilization: null, connections: null, ok: bcrypt.compares, non2xx: 0, errors: 0, timeouts: 0, statuses: {} })

  const loginBodies = dataset.patientAccounts.map((a) => JSON.stringify({ email: a.email, password: BENCH_PASSWORD }))
  // Two logins per hashing thread keep every thread busy while the other waits on the database.
  const loginSpec = (connections: number): Omit<LoadSpec, 'name'> => ({ baseUrl: services.auth.url, method: 'POST', paths: ['/api/auth/login'], bodies: loginBodies, connections })
  await closed('login', 'login', 'service', loginSpec(bcrypt.threads * 2), services.auth, hashingSeconds)

  // Refresh tokens are single-use: each connection holds one in flight, lost when a run stops.
  const refreshConnections = profile.name === 'quick' ? 4 : 10
  const sessions = await loginAll(services.auth.url, dataset.patientAccounts.slice(0, refreshConnections * 2 + 2))
  await closed('refresh', 'refresh (token rotation)', 'service', {
    baseUrl: services.auth.url, method: 'POST', paths: ['/api/auth/refresh'], refreshTokens: sessions.map((s) => s.refreshToken), connections: refreshConnections,
  }, services.auth)

  await closed('me', 'GET /api/auth/me', 'service', get(services.auth.url, ['/api/auth/me'], patientTokens.accessToken), services.auth)

  const recordBodies = dataset.patientIds.slice(0, 100).map((patientId) => JSON.stringify({
    patientId, visitDate: '2025-06-01', complaint: 'Routine check-up', diagnosis: 'Healthy', treatment: 'None needed', notes: 'Written by the benchmark',
  }))
  await closed('record-create', 'record create, as a doctor', 'service', {
    baseUrl: services.records.url, method: 'POST', paths: ['/api/records'], headers: bearer(doctorTokens.accessToken), bodies: recordBodies, connections: 10,
  }, services.records)

  log('  latency probes, idle and while logins saturate hashing')
  // The idle baseline must not meet autovacuum or a checkpoint after thousands of writes.
  await ctx.settle()
  const saturation = await saturate(ctx, patientTokens.accessToken, loginSpec(bcrypt.threads * 4))

  const rssAfterMB = {
    'auth-service': mb((await services.auth.stats()).rss)!,
    'records-service': mb((await services.records.stats()).rss)!,
  }
  return { scenarios, bcrypt, saturation, rssAfterMB }
}

/**
 * `GET /api/auth/me` and a record read at a fixed rate (open loop), first alone, then while
 * logins keep every hashing thread busy; each service's event-loop delay over both windows.
 */
async function saturate (ctx: RunContext, accessToken: string, login: Omit<LoadSpec, 'name'>): Promise<SaturationResult> {
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
