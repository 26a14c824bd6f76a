import { and, eq } from 'drizzle-orm'
import type { Teardown } from '@rekam/testing'
import type { AuthApp } from '../../../src/app.js'
import { securityEvents, sessions } from '../../../src/db/schema.js'
import { bearer, buildTestApp, register, type Registered } from '../../helper.js'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** The app with a clock the test moves (`clock.at += ...`): limits are crossed without waiting. */
export async function appWithClock (t: Teardown) {
  // Starts at the real time: the statements' own checks compare with the database's now().
  const clock = { at: Date.now() }
  const app = await buildTestApp(t, { now: () => clock.at })
  return { app, clock }
}

/**
 * A registered patient promoted to DOCTOR with the session opened at registration: the role read
 * when the limits apply governs, so the session has the staff limits from now on (measured from
 * its sign-in and last use). Staff are never signed in by password here: their sign-in needs a
 * second factor.
 */
export async function promotedToDoctor (app: AuthApp): Promise<Registered> {
  const registered = await register(app)
  await app.usersRepository.update(registered.user.id, { role: 'DOCTOR' })
  return registered
}

/** The SESSION_EXPIRED events of a user. */
export async function expiredEvents (app: AuthApp, userId: string) {
  return app.db.select({ sessionId: securityEvents.sessionId, reason: securityEvents.reason })
    .from(securityEvents).where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, 'SESSION_EXPIRED')))
}

/** How a session ended (null: it has not). */
export async function endOf (app: AuthApp, sessionId: string) {
  const [row] = await app.db.select({ revokedReason: sessions.revokedReason }).from(sessions).where(eq(sessions.id, sessionId))
  return row?.revokedReason
}

/** GET /api/auth/session with a bearer access token. */
export function currentSession (app: AuthApp, accessToken: string) {
  return app.inject({ method: 'GET', url: '/api/auth/session', headers: bearer(accessToken) })
}

/** A session's stored row. */
export async function sessionRow (app: AuthApp, sessionId: string) {
  const [row] = await app.db.select().from(sessions).where(eq(sessions.id, sessionId))
  return row!
}
