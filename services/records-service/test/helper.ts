import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import { createTestDatabase, createTokenIssuer, serviceTemplate, freshDemoTotpCode, relaxedAuthLimits, relaxedRecordsLimits, type Teardown, type TokenIssuer } from '@rekam/testing'
import { buildTestAuthApp, signInEnrolling, type TestAuthApp } from '@rekam/auth-service/testing'
import { buildApp, type RecordsApp } from '../src/app.js'
import { medicalRecords, recordAccessLog, recordVersions } from '../src/db/schema.js'

export type AuthApp = TestAuthApp

export interface Stack {
  auth: AuthApp
  records: RecordsApp
  jwksUrl: string
  /** auth-service's database (undefined on PGlite), for commands run beside the service. */
  authDatabaseUrl: string | undefined
}

export interface StackOptions {
  database?: 'postgres' | 'pglite'
  recordsEnv?: Record<string, string>
  /** Extra auth-service environment (for example DEMO_MODE). */
  authEnv?: Record<string, string>
  /** records-service's clock for its date rules (tokens keep the real one). */
  recordsNow?: () => Date
  /** records-service's token verifier's clock in ms (its JWKS cache and token memory). */
  verifierNow?: () => number
  /** Where records-service's log lines go (at info); no logs otherwise. */
  recordsLogStream?: { write (line: string): void }
  /** Told of every records-service route as it is added. */
  recordsOnRoute?: (route: { method: string | string[], url: string }) => void
}

/**
 * A real auth-service listening on a loopback port and a records-service that verifies its
 * tokens through the JWKS over HTTP, each on its own fresh database.
 */
export async function buildStack (t: Teardown, options: StackOptions = {}): Promise<Stack> {
  const authDb = await createTestDatabase(t, options.database, serviceTemplate('auth-service'))
  const auth = await buildTestAuthApp({
    databaseUrl: authDb.url,
    env: { ...relaxedAuthLimits, INTERNAL_SECRET, ...options.authEnv },
  })
  t.teardown(() => auth.close())
  await auth.listen({ host: '127.0.0.1', port: 0 })
  const { port } = auth.server.address() as AddressInfo
  const jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`

  const records = await buildRecordsApp(t, options, {
    AUTH_JWKS_URL: jwksUrl,
    // Strict mode, as in production: the revocation feed is followed every 200 ms.
    INTERNAL_SECRET,
    AUTH_REVOCATIONS_URL: `http://127.0.0.1:${port}/internal/revocations`,
    REVOCATION_POLL_INTERVAL_MS: '200',
  })
  return { auth, records, jwksUrl, authDatabaseUrl: authDb.url }
}

type RecordsOptions = Pick<StackOptions, 'database' | 'recordsEnv' | 'recordsNow' | 'verifierNow' | 'recordsLogStream' | 'recordsOnRoute'>

/** records-service on its own fresh database, verifying tokens as `keys` says; closed when the test ends. */
async function buildRecordsApp (t: Teardown, options: RecordsOptions, keys: Record<string, string>): Promise<RecordsApp> {
  const recordsDb = await createTestDatabase(t, options.database, serviceTemplate('records-service'))
  const records = await buildApp({
    now: options.recordsNow,
    verifierNow: options.verifierNow,
    onRoute: options.recordsOnRoute,
    ...(options.recordsLogStream ? { logLevel: 'info', logStream: options.recordsLogStream } : { logLevel: false }),
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      ...keys,
      ...relaxedRecordsLimits,
      ...(recordsDb.url ? { DATABASE_URL: recordsDb.url } : {}),
      ...options.recordsEnv,
    },
  })
  t.teardown(() => records.close())
  await records.ready()
  return records
}

/** Signs tokens for route tests: no auth-service, no revocation feed, a static public key. */
export interface StaticAuth {
  issuer: TokenIssuer
}

/** records-service verifying tokens on a static public key: for tests whose subject is not auth-service. */
export interface StaticStack {
  auth: StaticAuth
  records: RecordsApp
}

/**
 * records-service alone, on its own fresh database, verifying access tokens with the public key
 * of a token issuer the test holds (AUTH_PUBLIC_KEY_FILE) and with strict revocation off: the
 * route tests need tokens, not a live auth-service. Tests of the JWKS, revocations, key rotation
 * and whole flows use buildStack.
 */
export async function buildStaticStack (t: Teardown, options: RecordsOptions = {}): Promise<StaticStack> {
  const issuer = createTokenIssuer()
  const dir = await mkdtemp(join(tmpdir(), 'rekam-keys-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const keyFile = join(dir, 'auth-public-key.pem')
  await writeFile(keyFile, issuer.publicKeyPem)
  const records = await buildRecordsApp(t, options, { AUTH_PUBLIC_KEY_FILE: keyFile, REVOCATION_STRICT: 'false' })
  return { auth: { issuer }, records }
}

export interface Person {
  userId: string
  username: string
  accessToken: string
  headers: { authorization: string }
}

/** The shared internal secret of the test stack (auth-service's feed asks for it). */
export const INTERNAL_SECRET = 'test-internal-secret-0123456789abcdef'

let counter = 0

/** A user with the role, signed in: a real auth-service account, or a token of the static issuer. */
export async function signUp (auth: AuthApp | StaticAuth, role: 'PATIENT' | 'DOCTOR' | 'ADMIN'): Promise<Person> {
  counter++
  const username = `${role.toLowerCase()}${counter}${Math.random().toString(36).slice(2, 7)}`
  if ('issuer' in auth) {
    const userId = randomUUID()
    const accessToken = auth.issuer.sign({ sub: userId, role, username })
    return { userId, username, accessToken, headers: { authorization: `Bearer ${accessToken}` } }
  }
  const password = 'correct-horse-battery'
  const res = await auth.inject({ method: 'POST', url: '/api/auth/register', payload: { username, email: `${username}@example.test`, password } })
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`)
  const userId: string = res.json().data.user.id
  if (role !== 'PATIENT') await auth.usersRepository.update(userId, { role })
  const { accessToken } = await signInEnrolling(auth, username, password)
  return { userId, username, accessToken, headers: { authorization: `Bearer ${accessToken}` } }
}

/** A patient with a profile. */
export async function patientWithProfile (stack: Stack | StaticStack, fullName = 'Test Patient') {
  const person = await signUp(stack.auth, 'PATIENT')
  const res = await stack.records.inject({ method: 'PUT', url: '/api/patients/me', headers: person.headers, payload: { fullName, dateOfBirth: '1990-01-01' } })
  if (res.statusCode !== 200) throw new Error(`patient profile failed: ${res.body}`)
  return { ...person, patientId: res.json().data.patient.id as string }
}

/** A doctor with a profile. */
export async function doctorWithProfile (stack: Stack | StaticStack, fullName = 'dr. Test', specialization = 'General Practice') {
  const person = await signUp(stack.auth, 'DOCTOR')
  const res = await stack.records.inject({ method: 'PUT', url: '/api/doctors/me', headers: person.headers, payload: { fullName, specialization } })
  if (res.statusCode !== 200) throw new Error(`doctor profile failed: ${res.body}`)
  return { ...person, doctorId: res.json().data.doctor.id as string }
}

/**
 * Puts the doctor in the patient's care (an ASSIGNED relationship, as an admin would make) unless
 * they are already: a doctor reads and writes only the records of patients in their care.
 */
export async function putInCare (stack: Stack | StaticStack, doctor: Pick<Person, 'userId'>, patientId: string) {
  const app = stack.records
  const now = app.clock.now()
  if (await app.careRepository.isInCare(patientId, doctor.userId, now)) return
  const profile = await app.doctorsRepository.findByUserId(doctor.userId)
  if (!profile) throw new Error('putInCare: the doctor has no profile')
  await app.careRepository.create({ patientId, doctorId: profile.id, source: 'ASSIGNED', grantedByUserId: randomUUID(), grantedByRole: 'ADMIN', startsAt: new Date(now.getTime() - 60_000) })
}

/** A record written by the doctor for the patient (put in the doctor's care first). */
export async function writeRecord (stack: Stack | StaticStack, doctor: Person, patientId: string, overrides: Record<string, unknown> = {}) {
  if (!('doctorId' in overrides)) await putInCare(stack, doctor, patientId)
  const res = await stack.records.inject({
    method: 'POST',
    url: '/api/records',
    headers: doctor.headers,
    payload: { patientId, visitDate: '2026-05-01', complaint: 'Cough', diagnosis: 'Common cold', treatment: 'Rest', ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`)
  return res.json().data.record as { id: string, doctorId: string, patientId: string }
}

/** Each auth app (its own database) spends the TOTP steps of its accounts on its own. */
const scopes = new WeakMap<object, string>()
const scopeOf = (auth: object) => scopes.get(auth) ?? scopes.set(auth, randomUUID()).get(auth)!

/**
 * An existing auth-service user (a demo account, say), signed in by email and password; demo
 * staff then give a fresh code of their documented TOTP secret.
 */
export async function signIn (auth: AuthApp, email: string, password: string): Promise<Person> {
  let res = await auth.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`)
  if (res.json().data.mfaRequired) {
    const code = freshDemoTotpCode(scopeOf(auth), email)
    if (!code) throw new Error(`no fresh TOTP step left for ${email}`)
    res = await auth.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket: res.json().data.ticket, method: 'totp', code } })
    if (res.statusCode !== 200) throw new Error(`second step failed: ${res.body}`)
  }
  const { user, tokens } = res.json().data
  return { userId: user.id, username: user.username, accessToken: tokens.accessToken, headers: { authorization: `Bearer ${tokens.accessToken}` } }
}

/**
 * How many records, record versions and allowed accesses (ALLOWED rows of the record log) there are: to prove a
 * refused request read or wrote nothing. A refusal's own DENIED row is the refusal-audit tests'.
 */
export async function rowCounts (stack: Stack | StaticStack): Promise<{ records: number, versions: number, accessLog: number }> {
  const [[records], [versions], [accessLog]] = await Promise.all([
    stack.records.db.select({ n: count() }).from(medicalRecords),
    stack.records.db.select({ n: count() }).from(recordVersions),
    stack.records.db.select({ n: count() }).from(recordAccessLog).where(eq(recordAccessLog.outcome, 'ALLOWED')),
  ])
  return { records: records?.n ?? 0, versions: versions?.n ?? 0, accessLog: accessLog?.n ?? 0 }
}
