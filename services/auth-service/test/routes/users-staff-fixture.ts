import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Teardown } from '@rekam/testing'
import { linkToken, startMailServer, type ReceivedMail } from '@rekam/testing/mail'
import { securityEvents } from '../../src/db/schema.js'
import { bearer, buildTestApp, captureLogs, login, register, registerAs, uniqueUser } from '../helper.js'

export const MAX_FAILURES = 3
export const HOUR = 3600_000
export const INVALID_LINK = 'This set-password link is invalid, expired or already used; ask an administrator for a new one'
export const STRONG = 'velvet-harbor-quartz-19'

export const envelope = (res: { headers: Record<string, unknown> }, code: string, message: string) =>
  ({ success: false, error: { code, message, requestId: String(res.headers['x-request-id']) } })

export function newDoctor () {
  const { username, email, fullName } = uniqueUser('dr')
  return { username, email, fullName, role: 'DOCTOR' as const }
}

export function expectInvalid (t: { equal: (a: unknown, b: unknown) => void, strictSame: (a: unknown, b: unknown) => void }, res: Awaited<ReturnType<typeof login>>) {
  t.equal(res.statusCode, 401)
  t.strictSame(res.json(), envelope(res, 'INVALID_CREDENTIALS', 'Invalid username, email or password'))
}

/**
 * One app on its own database and one real SMTP server, on the test's clock (`now`), with an
 * admin and a patient, and the calls on staff accounts: invite, set the password, unlock.
 */
export async function staffFixture (t: Teardown, now: () => number) {
  const mailServer = await startMailServer(t)
  const logs = captureLogs()
  const app = await buildTestApp(t, {
    env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES), SMTP_URL: mailServer.url, MFA_ISSUER: 'Klinik Sehat' },
    now,
    logStream: logs.stream,
  })
  const admin = await registerAs(app, 'ADMIN', now())
  const patient = await register(app)

  const createUser = (payload: object, token = admin.tokens.accessToken) =>
    app.inject({ method: 'POST', url: '/api/users', headers: bearer(token), payload })
  const setPassword = (token: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password } })
  const unlock = (id: string, token = admin.tokens.accessToken) =>
    app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: bearer(token) })
  const eventsOf = async (userId: string, types: Array<typeof securityEvents.$inferSelect.type>) =>
    (await app.db.select({ type: securityEvents.type, actorUserId: securityEvents.actorUserId, reason: securityEvents.reason })
      .from(securityEvents).where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types)))
      .orderBy(asc(securityEvents.createdAt))).map((e) => ({ ...e }))

  /** Invites through the API and reads the link's token from the mail the new account's owner got. */
  async function invite (account: { email: string, [field: string]: unknown }): Promise<{ user: { id: string }, mail: ReceivedMail, token: string }> {
    const res = await createUser(account)
    if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`)
    const mail = await mailServer.next(account.email)
    return { user: res.json().data.user, mail, token: linkToken(mail, '/set-password') }
  }

  return { app, mailServer, logs, admin, patient, createUser, setPassword, unlock, eventsOf, invite }
}
