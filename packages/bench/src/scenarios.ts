import { Secret, TOTP } from 'otpauth'
import { BENCH_PASSWORD, type Account } from './dataset.js'
import type { LoadSpec } from './load-spec.js'
import { mb } from './rss.js'
import { saturate } from './saturation.js'
import { scenarioRecorder, type Compared } from './scenario-recorder.js'
import type { Measurements, RunContext, ScenarioResult } from './scenario-types.js'
import { measureBcrypt } from './floors.js'
import { writeScenarios } from './write-scenarios.js'

export type { Measurements, RunContext, SaturationResult, ScenarioResult } from './scenario-types.js'

/**
 * A route of the services that verifies the access token and touches no database, to compare
 * with the bare floor. The services have none; set its path here when one exists.
 */
const PROTECTED_NO_DB_ROUTE: { service: 'auth' | 'records', path: string } | undefined = { service: 'records', path: '/api/records/permissions' }

interface Tokens { accessToken: string, refreshToken: string }

async function post<T> (url: string, payload: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) })
  const body = await res.json() as { data?: T }
  if (res.status >= 300 || !body.data) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`)
  return body.data
}

/**
 * Signs an account in. A bench doctor has no second factor yet and its role requires one: it
 * enrols a TOTP authenticator with the ticket the password earns, as a new clinician would.
 */
async function login (authUrl: string, account: Account): Promise<Tokens> {
  const data = await post<{ tokens?: Tokens, ticket?: string }>(`${authUrl}/api/auth/login`, { email: account.email, password: BENCH_PASSWORD })
  if (data.tokens) return data.tokens
  const { factorId, secret } = await post<{ factorId: string, secret: string }>(`${authUrl}/api/auth/mfa/totp`, { ticket: data.ticket })
  const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate()
  const confirmed = await post<{ tokens?: Tokens }>(`${authUrl}/api/auth/mfa/totp/confirm`, { ticket: data.ticket, factorId, code })
  if (!confirmed.tokens) throw new Error(`the enrolment of ${account.email} signed nothing in`)
  return confirmed.tokens
}

/** Adds a TOTP authenticator to a signed-in account, through the API. */
async function addAuthenticator (authUrl: string, tokens: Tokens): Promise<void> {
  const call = async <T>(path: string, payload: unknown): Promise<T> => {
    const res = await fetch(`${authUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(tokens.accessToken) }, body: JSON.stringify(payload) })
    const body = await res.json() as { data?: T }
    if (res.status >= 300 || !body.data) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`)
    return body.data
  }
  const { factorId, secret } = await call<{ factorId: string, secret: string }>('/api/auth/mfa/totp', {})
  await call('/api/auth/mfa/totp/confirm', { factorId, code: new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate() })
}

/** Logs in each account, a few at a time (the service's hashing queue is bounded). */
async function loginAll (authUrl: string, accounts: Account[]): Promise<Tokens[]> {
  const tokens: Tokens[] = []
  for (let i = 0; i < accounts.length; i += 8) tokens.push(...await Promise.all(accounts.slice(i, i + 8).map((a) => login(authUrl, a))))
  return tokens
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
/** Accounts the login-mfa row signs in as (each with a TOTP authenticator). */
const MFA_ACCOUNTS = 8
/**
 * What every run starts with: the bench patient and doctor signed in, every process warmed up,
 * and the block of routes that the ratios compare (measured in alternating rounds).
 */
async function prepare (ctx: RunContext, log: (line: string) => void) {
  const { profile, services, floors, gateway, loadgen, dataset } = ctx
  const warmupSeconds = profile.warmupSeconds
  const patient = dataset.heavy[0]!
  const doctor = dataset.doctors[0]!
  const [patientTokens, doctorTokens] = await loginAll(services.auth.url, [patient, doctor]) as [Tokens, Tokens]

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
      { name: 'warm-doctor', ...get(services.records.url, recordPaths('/api/records'), doctorTokens.accessToken, 2) },
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
    // The same records read by a doctor: the path on which the care rule decides.
    { id: 'doctor-record-read', title: 'record read by id, as a doctor in care', kind: 'service', spec: get(services.records.url, recordPaths('/api/records'), doctorTokens.accessToken), under: services.records },
    { id: 'gateway-record-read', title: `record read through the gateway (${gateway.kind})`, kind: 'gateway', spec: get(gateway.url, recordPaths('/api/records'), patientTokens.accessToken), under: { pid: gateway.pid } },
    { id: 'floor-records-list', title: 'floor: "my records" SQL, raw postgres.js', kind: 'floor', spec: get(floors.url, [ownList]), under: floors },
    { id: 'records-list', title: '"my records" list, first page', kind: 'service', spec: get(services.records.url, ['/api/records'], patientTokens.accessToken), under: services.records },
  )
  return { patientTokens, doctorTokens, block, writes: await writeScenarios(ctx, doctorTokens), get }
}

/**
 * `--only`: the named routes of the compared block and nothing else (no hashing, login or
 * saturation scenarios): a short run to compare one route before and after a change.
 */
export async function runSelected (ctx: RunContext, only: string[], log: (line: string) => void): Promise<ScenarioResult[]> {
  const { scenarios, compared } = scenarioRecorder(ctx, log)
  const { block, writes } = await prepare(ctx, log)
  const known = [...block, ...writes]
  const unknown = only.filter((id) => !known.some((entry) => entry.id === id))
  if (unknown.length > 0) throw new Error(`--only names no compared scenario: ${unknown.join(', ')} (known: ${known.map((entry) => entry.id).join(', ')})`)
  // The reads first: the writes grow the tables they read.
  await compared(block.filter((entry) => only.includes(entry.id)))
  await compared(writes.filter((entry) => only.includes(entry.id)))
  return scenarios
}

export async function runScenarios (ctx: RunContext, log: (line: string) => void): Promise<Measurements> {
  const { profile, services, dataset } = ctx
  const seconds = profile.durationSeconds
  const warmupSeconds = profile.warmupSeconds
  const { scenarios, closed, compared, skipped } = scenarioRecorder(ctx, log)
  const { patientTokens, block, writes, get } = await prepare(ctx, log)
  await compared(block)
  if (!PROTECTED_NO_DB_ROUTE) {
    skipped('protected-no-db', 'protected route, no database', 'service', 'the services have no route that verifies a token without database work')
  }

  log('  floor: raw bcryptjs compares')
  // A few compares a second at cost 12: the hashing floor and login run twice as long, for enough of them.
  const hashingSeconds = seconds * 2
  const bcrypt = await measureBcrypt(dataset.passwordHash, BENCH_PASSWORD, hashingSeconds, warmupSeconds)
  scenarios.push({ id: 'floor-bcrypt', title: `floor: raw bcryptjs compares, ${bcrypt.threads} thread(s)`, kind: 'floor', rps: bcrypt.perSecond, p50: null, p99: null, rssMB: null, eventLoopUtilization: null, connections: null, ok: bcrypt.compares, non2xx: 0, errors: 0, timeouts: 0, statuses: {} })

  // The last accounts of the sample get a second factor for the login-mfa row; the others sign in with the password alone.
  const withFactor = dataset.patientAccounts.slice(-MFA_ACCOUNTS)
  const passwordOnly = dataset.patientAccounts.slice(0, -MFA_ACCOUNTS)
  const bodiesOf = (accounts: Account[]) => accounts.map((a) => JSON.stringify({ email: a.email, password: BENCH_PASSWORD }))
  // Two logins per hashing thread keep every thread busy while the other waits on the database.
  const loginSpec = (connections: number, accounts = passwordOnly): Omit<LoadSpec, 'name'> =>
    ({ baseUrl: services.auth.url, method: 'POST', paths: ['/api/auth/login'], bodies: bodiesOf(accounts), connections })
  await closed('login', 'login', 'service', loginSpec(bcrypt.threads * 2), services.auth, hashingSeconds)

  for (const tokens of await loginAll(services.auth.url, withFactor)) await addAuthenticator(services.auth.url, tokens)
  await closed('login-mfa', 'login, account with a second factor (password step)', 'service', loginSpec(bcrypt.threads * 2, withFactor), services.auth, hashingSeconds)

  // Refresh tokens are single-use: each connection holds one in flight, lost when a run stops.
  const refreshConnections = profile.name === 'quick' ? 4 : 10
  const sessions = await loginAll(services.auth.url, dataset.patientAccounts.slice(0, refreshConnections * 2 + 2))
  await closed('refresh', 'refresh (token rotation)', 'service', {
    baseUrl: services.auth.url, method: 'POST', paths: ['/api/auth/refresh'], refreshTokens: sessions.map((s) => s.refreshToken), connections: refreshConnections,
  }, services.auth)

  await closed('me', 'GET /api/auth/me', 'service', get(services.auth.url, ['/api/auth/me'], patientTokens.accessToken), services.auth)

  // The writes after every read: they grow the tables the reads measure.
  await compared(writes)

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
