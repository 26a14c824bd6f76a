import { randomUUID } from 'node:crypto'
import { freshDemoTotpCode } from '@rekam/testing'
import { signInEnrolling } from '@rekam/auth-service/testing'
import type { AuthApp, StaticAuth, StaticStack, Stack } from './stack.js'

export interface Person {
  userId: string
  username: string
  accessToken: string
  headers: { authorization: string }
}

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
