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

  async function closed (id: string, title: string, kind: ScenarioResult['kind'], spec: Omit<LoadSpec, 'name'>, under: UnderTest, forSeconds = seconds) {
    log(`  ${title}`)
    let reset: Promise<unknown> = Promise.resolve()
    const { loads: [result] } = await loadgen.run({ seconds: forSeconds, warmupSeconds, loads: [{ name: id, ...spec }], probes: [] }, () => { reset = under.stats?.(true) ?? reset })
    await reset
    const stats = await under.stats?.()
    const r = result!
    scenarios.push({
      id,
      title,
      kind,
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      rssMB: mb(stats?.rss ?? (under.pid ? rssOf(under.pid) : undefined)) ?? null,
      eventLoopUtilization: stats ? Math.round(stats.eventLoopUtilization * 100) / 100 : null,
      connections: spec.connections,
      ok: r.ok,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      statuses: r.statuses,
    })
    return r
  }
  const skipped = (id: string, title: string, kind: ScenarioResult['kind'], reason: string) => {
    log(`  ${title}: skipped (${reason})`)
    scenarios.push({ id, title, kind, rps: null, p50: null, p99: null, rssMB: null, eventLoopUtilization: null, connections: null, ok: 0, non2xx: 0, errors: 0, timeouts: 0, statuses: {}, skipped: reason })
  }
  const get = (baseUrl: string, paths: string[], token?: string, connections = 10): Omit<LoadSpec, 'name'> =>
    ({ baseUrl, method: 'GET', paths, connections, ...(token ? { headers: bearer(token) } : {}) })
  const recordPaths = (prefix: string) => patient.recordIds.map((id) => `${prefix}/${id}`)

  // JIT, connection pools and caches warm up on every route measured first, so that the first
  // scenario of each process is not measured colder than the ones after it.
  log('  warming up every process (not measured)')
  await loadgen.run({
    seconds: warmupSeconds * 2,
    warmupSeconds: 0,
    probes: [],
    loads: [
      { name: 'warm-floors', ...get(floors.url, [...recordPaths('/records'), ...recordPaths('/drizzle/records'), ...recordPaths('/drizzle-defined/records'), ...recordPaths('/drizzle-prepared/records'), `/records?patientId=${patient.patientId}`], undefined, 4) },
      { name: 'warm-records', ...get(services.records.url, [...recordPaths('/api/records'), '/api/records'], patientTokens.accessToken, 4) },
      { name: 'warm-gateway', ...get(gateway.url, recordPaths('/api/records'), patientTokens.accessToken, 2) },
      { name: 'warm-auth', ...get(services.auth.url, ['/api/auth/me'], patientTokens.accessToken, 4) },
    ],
  })

  // Each ratio's two sides run one after the other, so drift on a shared machine touches both alike.
  await closed('floor-bare', 'floor: bare Fastify route, no work', 'floor', get(floors.url, ['/bare']), floors)
  if (PROTECTED_NO_DB_ROUTE) {
    const service = services[PROTECTED_NO_DB_ROUTE.service]
    await closed('protected-no-db', 'protected route, no database', 'service', get(service.url, [PROTECTED_NO_DB_ROUTE.path], patientTokens.accessToken), service)
  } else {
    skipped('protected-no-db', 'protected route, no database', 'service', 'the services have no route that verifies a token without database work')
  }
  await closed('floor-record-read', 'floor: record-read SQL, raw postgres.js', 'floor', get(floors.url, recordPaths('/records')), floors)
  await closed('floor-record-read-drizzle', 'floor: record-read SQL, drizzle, built once', 'floor', get(floors.url, recordPaths('/drizzle-defined/records')), floors)
  await closed('floor-record-read-drizzle-builder', 'floor: record-read SQL, drizzle builder per call', 'floor', get(floors.url, recordPaths('/drizzle/records')), floors)
  await closed('floor-record-read-drizzle-prepared', 'floor: record-read SQL, drizzle .prepare()', 'floor', get(floors.url, recordPaths('/drizzle-prepared/records')), floors)
  await closed('record-read', 'record read by id, as its patient', 'service', get(services.records.url, recordPaths('/api/records'), patientTokens.accessToken), services.records)
  await closed('gateway-record-read', `record read through the gateway (${gateway.kind})`, 'gateway', get(gateway.url, recordPaths('/api/records'), patientTokens.accessToken), { pid: gateway.pid })
  await closed('floor-records-list', 'floor: "my records" SQL, raw postgres.js', 'floor', get(floors.url, [`/records?patientId=${patient.patientId}`]), floors)
  await closed('records-list', '"my records" list, first page', 'service', get(services.records.url, ['/api/records'], patientTokens.accessToken), services.records)

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
