import { and, asc, eq, inArray } from 'drizzle-orm'
import { DEMO_ACCOUNTS } from '@rekam/demo-data'
import { mfaFactors, securityEvents } from '../src/db/schema.js'
import { totpCode, totpStep } from '../src/lib/totp.js'
import type { AuthApp } from '../src/app.js'

export { totpCode }

/**
 * The last TOTP step this test process spent per app (its database) and secret: the service
 * refuses that step and older ones.
 */
const spentSteps = new Map<string, Map<string, number>>()
const GLOBAL = ''
const stepsOf = (scope: string) => spentSteps.get(scope) ?? spentSteps.set(scope, new Map()).get(scope)!
/** The database an app works on: apps on one database share its spent steps. */
const databaseOf = (app: AuthApp) => app.config.DATABASE_URL ?? app.config.DATA_DIR

/**
 * A code the service will still accept at `at`: the earliest step of its one-step window that is
 * later than any this process used. Throws when all three are spent (move the clock instead).
 */
export function freshTotpCode (secret: string, at = Date.now(), scope: string = GLOBAL): string {
  const lastSteps = stepsOf(scope)
  const now = totpStep(at)
  const step = [now - 1, now, now + 1].find((s) => s > (lastSteps.get(secret) ?? -Infinity))
  if (step === undefined) throw new Error('every TOTP step of this window is spent: move the clock')
  lastSteps.set(secret, step)
  return totpCode(secret, step * 30_000)
}

/** Who enrols: a bearer token, or the ticket a sign-in answered with. */
export type EnrollAs = { token: string } | { ticket: string }

export interface Enrolled {
  factorId: string
  secret: string
  recoveryCodes?: string[]
  user?: { id: string, username: string, email: string, role: string }
  tokens?: { accessToken: string, refreshToken: string }
}

/** Enrols a TOTP authenticator through the API and confirms it with the code of `at`. */
export async function enrollTotp (app: AuthApp, as: EnrollAs, at = Date.now()): Promise<Enrolled> {
  const headers = 'token' in as ? { authorization: `Bearer ${as.token}` } : {}
  const ticket = 'ticket' in as ? { ticket: as.ticket } : {}
  const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers, payload: { ...ticket } })
  if (start.statusCode !== 201) throw new Error(`TOTP enrolment failed: ${start.statusCode} ${start.body}`)
  const { factorId, secret } = start.json().data
  stepsOf(GLOBAL).set(secret, totpStep(at))
  const confirm = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers, payload: { ...ticket, factorId, code: totpCode(secret, at) } })
  if (confirm.statusCode !== 200) throw new Error(`TOTP confirmation failed: ${confirm.statusCode} ${confirm.body}`)
  return { factorId, secret, ...confirm.json().data }
}

/** Signs in with password then TOTP (a fresh code at `at`); the verify answer. */
export async function loginWithTotp (app: AuthApp, username: string, password: string, secret: string, at = Date.now()) {
  const first = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  const { ticket } = first.json().data
  return app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: freshTotpCode(secret, at) } })
}

/** The user's security events of these types, oldest first: type, reason, session. */
export async function eventsOf (app: AuthApp, userId: string, types: Array<typeof securityEvents.$inferSelect.type>) {
  const rows = await app.db.select({ type: securityEvents.type, reason: securityEvents.reason })
    .from(securityEvents).where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types)))
    .orderBy(asc(securityEvents.createdAt), asc(securityEvents.id))
  return rows.map((e) => ({ ...e }))
}

/** A factor's stored row, to show what is (not) kept in clear. */
export async function factorRow (app: AuthApp, id: string) {
  const [row] = await app.db.select().from(mfaFactors).where(eq(mfaFactors.id, id))
  return row
}

/**
 * First sign-in of a staff account that has no factor yet: the password earns an enrolment
 * ticket, and enrolling a TOTP authenticator with it signs in. Resolves to the enrolment.
 */
export async function firstStaffSignIn (app: AuthApp, login: string, password: string, at = Date.now()): Promise<Enrolled> {
  const payload = login.includes('@') ? { email: login, password } : { username: login, password }
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload })
  const ticket = res.json().data?.ticket
  if (res.statusCode !== 200 || !res.json().data.mfaEnrollmentRequired) throw new Error(`expected an enrolment ticket: ${res.statusCode} ${res.body}`)
  return enrollTotp(app, { ticket }, at)
}

/**
 * Signs in as a demo account: with the password, then, for staff, with a fresh code of the
 * documented demo TOTP secret. The answer of the last step.
 */
export async function demoSignIn (app: AuthApp, email: string, password: string, at?: number) {
  const first = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  const secret = DEMO_ACCOUNTS.find((account) => account.email === email)?.totpSecret
  if (first.statusCode !== 200 || !secret) return first
  const { ticket } = first.json().data
  // The code of the time it is sent, not of before the password step (on a busy machine that step
  // can outlast what is left of the previous TOTP step).
  return app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: freshTotpCode(secret, at ?? Date.now(), databaseOf(app)) } })
}
