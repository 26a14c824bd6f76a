import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { buildTestAuthApp } from '@rekam/auth-service/testing'
import { createTestDatabase, freshDemoTotpCode, relaxedAuthLimits, relaxedRecordsLimits, type AnswerLike, type Teardown } from '@rekam/testing'
import type { RekamClient, SecondStep, User } from '../../src/index.js'

/**
 * The services' clock: every `Date.now()` in this process, theirs included, runs `offset` ms
 * ahead of the real one. Installed before the apps are built (they keep a reference to
 * Date.now), so a test moves the services' time, say past an access token's expiry, without
 * sleeping; each client gets its own clock (`now` option).
 */
const realNow = Date.now.bind(Date)
let offset = 0
Date.now = () => realNow() + offset
export const serverClock = {
  advance (ms: number) { offset += ms },
  now: () => Date.now(),
}

/** Real time: a client clock the services' moves do not touch. */
export const realClock = realNow

interface ListeningApp {
  listen (options: { host: string, port: number }): Promise<unknown>
  close (): Promise<unknown>
  server: Server
}
interface RecordsModule {
  buildApp (options: { logLevel: false, env: Record<string, string> }): Promise<ListeningApp>
}
// Not followed by TypeScript: records-service's Fastify augmentation stays out of this program.
const recordsModule: string = '@rekam/records-service'

const INTERNAL_SECRET = 'client-test-internal-secret-0123456789'

export interface Stack {
  authUrl: string
  recordsUrl: string
}

const urlOf = (app: ListeningApp) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

/**
 * auth-service (in demo mode: the demo accounts exist) and records-service, each on its own
 * fresh test database, listening on free loopback ports; records-service verifies tokens
 * through auth-service's JWKS and follows its revocation feed over HTTP, as in production.
 */
export async function startStack (t: Teardown, authEnv: Record<string, string> = {}): Promise<Stack> {
  const [authDb, recordsDb] = await Promise.all([createTestDatabase(t), createTestDatabase(t)])
  const auth = await buildTestAuthApp({
    databaseUrl: authDb.url,
    env: { ...relaxedAuthLimits, INTERNAL_SECRET, DEMO_MODE: 'true', ...authEnv },
  }) as unknown as ListeningApp
  t.teardown(() => auth.close())
  await auth.listen({ host: '127.0.0.1', port: 0 })
  const authUrl = urlOf(auth)
  const { buildApp } = await import(recordsModule) as RecordsModule
  const records = await buildApp({
    logLevel: false,
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      ...relaxedRecordsLimits,
      ...(recordsDb.url ? { DATABASE_URL: recordsDb.url } : {}),
      AUTH_JWKS_URL: `${authUrl}/.well-known/jwks.json`,
      INTERNAL_SECRET,
      AUTH_REVOCATIONS_URL: `${authUrl}/internal/revocations`,
      REVOCATION_POLL_INTERVAL_MS: '200',
      DEMO_MODE: 'true',
    },
  })
  t.teardown(() => records.close())
  await records.listen({ host: '127.0.0.1', port: 0 })
  return { authUrl, recordsUrl: urlOf(records) }
}

/** The demo accounts (DESIGN.md "Running"). */
export const DEMO = {
  admin: { email: 'admin@rekam.local', password: 'admin-demo-123' },
  andi: { email: 'andi@rekam.local', password: 'patient-demo-123' },
  sari: { email: 'dr.sari@rekam.local', password: 'doctor-demo-123' },
} as const

/** The user of a sign-in that needed no second step (a patient's); throws on a second step. */
export function signedIn (answer: User | SecondStep): User {
  if ('ticket' in answer) throw new Error('the sign-in asks for a second factor')
  return answer
}

/**
 * Signs a demo staff account in to the end: the password, then a code of its documented TOTP
 * secret for a step this process has not spent on this stack yet (at the services' time).
 */
export async function signInStaff (rekam: RekamClient, account: { email: string, password: string }, stack: Stack): Promise<User> {
  const step = await rekam.signIn(account)
  if (!('ticket' in step)) throw new Error(`${account.email} signed in without a second factor`)
  const code = freshDemoTotpCode(stack.authUrl, account.email)
  if (!code) throw new Error(`every TOTP step of this window is spent for ${account.email}: advance serverClock`)
  return rekam.verifyMfa({ ticket: step.ticket, method: 'totp', code })
}

/** A fetch that tells which paths it was asked for (to count refreshes); the requests are real. */
export function countingFetch (): { fetch: typeof globalThis.fetch, paths: string[] } {
  const paths: string[] = []
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input)
    paths.push(`${input instanceof Request ? input.method : init?.method ?? 'GET'} ${new URL(url).pathname}`)
    return globalThis.fetch(input, init)
  }
  return { fetch, paths }
}

let counter = 0
/** Fresh registration data for a patient. */
export function newPatient () {
  counter++
  const username = `client${counter}${realNow().toString(36)}`
  return { username, email: `${username}@example.test`, password: 'correct-horse-battery', fullName: 'Client Test' }
}

/** An openapi-fetch result as @rekam/testing's assertions read an answer. */
export const answerOf = (result: { error?: unknown, response: Response }): AnswerLike =>
  ({ status: result.response.status, headers: result.response.headers, body: result.error })

/** A RekamApiError's fields, to compare whole. */
export const fieldsOf = (error: unknown) => {
  const { name, status, code, message, details, requestId } = error as { name: string, status: number, code: string, message: string, details?: unknown, requestId?: string }
  return { name, status, code, message, details, requestId }
}
