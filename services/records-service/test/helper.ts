import type { AddressInfo } from 'node:net'
import { buildApp as buildAuthApp, type AuthApp } from '@rekam/auth-service'
import { createTestDatabase, type Teardown } from '@rekam/testing'
import { buildApp, type RecordsApp } from '../src/app.js'

export interface Stack {
  auth: AuthApp
  records: RecordsApp
  jwksUrl: string
}

export interface StackOptions {
  database?: 'postgres' | 'pglite'
  recordsEnv?: Record<string, string>
}

/**
 * A real auth-service listening on a loopback port and a records-service that verifies its
 * tokens through the JWKS over HTTP, each on its own fresh database.
 */
export async function buildStack (t: Teardown, options: StackOptions = {}): Promise<Stack> {
  const authDb = await createTestDatabase(t, options.database)
  const auth = await buildAuthApp({
    logLevel: false,
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      // bcrypt's minimum cost keeps sign-ups fast; the code path is the same.
      BCRYPT_COST: '4',
      ...(authDb.url ? { DATABASE_URL: authDb.url } : {}),
    },
  })
  t.teardown(() => auth.close())
  await auth.listen({ host: '127.0.0.1', port: 0 })
  const { port } = auth.server.address() as AddressInfo
  const jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`

  const recordsDb = await createTestDatabase(t, options.database)
  const records = await buildApp({
    logLevel: false,
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      AUTH_JWKS_URL: jwksUrl,
      ...(recordsDb.url ? { DATABASE_URL: recordsDb.url } : {}),
      ...options.recordsEnv,
    },
  })
  t.teardown(() => records.close())
  await records.ready()
  return { auth, records, jwksUrl }
}

export interface Person {
  userId: string
  username: string
  accessToken: string
  headers: { authorization: string }
}

let counter = 0

/** A real auth-service user with the role, signed in. */
export async function signUp (auth: AuthApp, role: 'PATIENT' | 'DOCTOR' | 'ADMIN'): Promise<Person> {
  counter++
  const username = `${role.toLowerCase()}${counter}${Math.random().toString(36).slice(2, 7)}`
  const password = 'correct-horse-battery'
  const res = await auth.inject({ method: 'POST', url: '/api/auth/register', payload: { username, email: `${username}@example.test`, password } })
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`)
  const userId: string = res.json().data.user.id
  if (role !== 'PATIENT') await auth.usersRepository.update(userId, { role })
  const login = await auth.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  const accessToken: string = login.json().data.tokens.accessToken
  return { userId, username, accessToken, headers: { authorization: `Bearer ${accessToken}` } }
}

/** A patient with a profile. */
export async function patientWithProfile (stack: Stack, fullName = 'Test Patient') {
  const person = await signUp(stack.auth, 'PATIENT')
  const res = await stack.records.inject({ method: 'PUT', url: '/api/patients/me', headers: person.headers, payload: { fullName, dateOfBirth: '1990-01-01' } })
  if (res.statusCode !== 200) throw new Error(`patient profile failed: ${res.body}`)
  return { ...person, patientId: res.json().data.patient.id as string }
}

/** A doctor with a profile. */
export async function doctorWithProfile (stack: Stack, fullName = 'dr. Test', specialization = 'General Practice') {
  const person = await signUp(stack.auth, 'DOCTOR')
  const res = await stack.records.inject({ method: 'PUT', url: '/api/doctors/me', headers: person.headers, payload: { fullName, specialization } })
  if (res.statusCode !== 200) throw new Error(`doctor profile failed: ${res.body}`)
  return { ...person, doctorId: res.json().data.doctor.id as string }
}

/** A record written by the doctor for the patient. */
export async function writeRecord (stack: Stack, doctor: Person, patientId: string, overrides: Record<string, unknown> = {}) {
  const res = await stack.records.inject({
    method: 'POST',
    url: '/api/records',
    headers: doctor.headers,
    payload: { patientId, visitDate: '2026-05-01', complaint: 'Cough', diagnosis: 'Common cold', treatment: 'Rest', ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`record failed: ${res.statusCode} ${res.body}`)
  return res.json().data.record as { id: string, doctorId: string, patientId: string }
}
