import { createTestDatabase, relaxedAuthLimits, serviceTemplate, type Teardown, type TestDatabase } from '@rekam/testing'
import { buildApp, type AuthApp } from '../src/app.js'
import { testEnv as baseTestEnv, type TestAuthApp } from '../src/testing.js'
import { enrollTotp } from './mfa.js'

export interface TestAppOptions {
  env?: Record<string, string>
  database?: 'postgres' | 'pglite'
  /** Told of every route as it is added. */
  onRoute?: (route: { method: string | string[], url: string }) => void
  /** The app's clock in epoch ms (sessions and their limits, tickets, codes), for tests that move time. */
  now?: () => number
  /** Where the app's log lines go (at level info); without it the app logs nothing. */
  logStream?: { write (line: string): void }
}

/** Environment every test app starts from: cheap bcrypt, no files written, relaxed limits. */
export function testEnv (database: TestDatabase, env: Record<string, string> = {}): Record<string, string> {
  return baseTestEnv(database.url, { ...relaxedAuthLimits, ...env })
}

/** Other packages' tests see the app through TestAuthApp: it must stay a view of the real one. */
export const asTestAuthApp = (app: AuthApp): TestAuthApp => app

/** The real app on its own fresh database (a copy of the migrated template), closed when the test ends. */
export async function buildTestApp (t: Teardown, options: TestAppOptions = {}): Promise<AuthApp> {
  const database = await createTestDatabase(t, options.database, serviceTemplate('auth-service'))
  const app = await buildApp({
    logLevel: options.logStream ? 'info' : false,
    logStream: options.logStream,
    onRoute: options.onRoute,
    now: options.now,
    env: testEnv(database, options.env),
  })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

let counter = 0
export function uniqueUser (prefix = 'user') {
  counter++
  const name = `${prefix}${counter}${Math.random().toString(36).slice(2, 7)}`
  return { username: name, email: `${name}@example.test`, password: 'correct-horse-battery', fullName: `Test ${name}` }
}

export interface Registered {
  user: { id: string, username: string, email: string, role: string }
  tokens: { accessToken: string, refreshToken: string }
  password: string
  /** The TOTP secret of the authenticator a staff account enrolled at its first sign-in. */
  totpSecret?: string
  recoveryCodes?: string[]
}

export async function register (app: AuthApp, overrides: Partial<ReturnType<typeof uniqueUser>> = {}): Promise<Registered> {
  const body = { ...uniqueUser(), ...overrides }
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: body })
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`)
  return { ...res.json().data, password: body.password }
}

/**
 * A registered user promoted to a role, signed in again so the token carries the role. Staff
 * must have a second factor: the sign-in answers with an enrolment ticket, and the user enrols a
 * TOTP authenticator with it, as the portal does (codes computed from the secret, at `at`).
 */
export async function registerAs (app: AuthApp, role: 'ADMIN' | 'DOCTOR', at = Date.now()): Promise<Registered> {
  const created = await register(app)
  await app.usersRepository.update(created.user.id, { role })
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: created.user.username, password: created.password } })
  const { ticket } = res.json().data
  if (!ticket) return { ...res.json().data, password: created.password }
  const enrolled = await enrollTotp(app, { ticket }, at)
  return { user: enrolled.user!, tokens: enrolled.tokens!, password: created.password, totpSecret: enrolled.secret, recoveryCodes: enrolled.recoveryCodes }
}

export function bearer (token: string) {
  return { authorization: `Bearer ${token}` }
}

/** Signs in with username (or email when it contains '@'); returns the raw response. */
export function login (app: AuthApp, login: string, password: string, headers: Record<string, string> = {}) {
  const payload = login.includes('@') ? { email: login, password } : { username: login, password }
  return app.inject({ method: 'POST', url: '/api/auth/login', payload, headers })
}

/** One more instance of the app on an existing test database (restarts, several replicas). */
export async function buildAppOn (t: Teardown, database: TestDatabase, env: Record<string, string> = {}): Promise<AuthApp> {
  const app = await buildApp({ logLevel: false, env: testEnv(database, env) })
  t.teardown(() => app.close())
  await app.ready()
  return app
}

/** A log destination that keeps every parsed line (pass `stream` as the app's logStream). */
export function captureLogs () {
  const entries: Array<Record<string, unknown>> = []
  return { stream: { write: (line: string) => { entries.push(JSON.parse(line)) } }, entries }
}
