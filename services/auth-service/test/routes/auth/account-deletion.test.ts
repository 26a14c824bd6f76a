import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { assertError } from '@rekam/testing'
import { startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import {
  emailTokens, mailOutbox, mfaFactors, notifications, recoveryCodes, revocations, securityEventClients, securityEvents, sessions, users,
} from '../../../src/db/schema.js'
import { bearer, buildTestApp, login, register, registerAs, type Registered } from '../../helper.js'
import { enrollTotp } from '../../mfa.js'

/**
 * A patient's deletion of their own account: the request (step-up, patients only), cancelling,
 * and after the 14-day cooling-off period the erasure job run with the app's clock: no sign-in,
 * no session, no personal data left, the account id kept for the records that point at it.
 */
const mailServer = await startMailServer(t)
let clock = Date.now()
const app = await buildTestApp(t, { env: { SMTP_URL: mailServer.url }, now: () => clock })

const DAY = 86_400_000
/** The next mail to `to` with this subject (registration's verification mail, say, is not it). */
const mailTo = (to: string, subject: string) => mailServer.next((mail) => mail.to.includes(to.toLowerCase()) && mail.subject === subject)

const deletion = (user: Registered, method: 'GET' | 'POST' | 'DELETE', token = user.tokens.accessToken) =>
  app.inject({ method, url: '/api/auth/account/deletion', headers: bearer(token) })
const notified = async (userId: string) => (await app.db.select({ type: notifications.type, details: notifications.details })
  .from(notifications).where(eq(notifications.userId, userId)).orderBy(notifications.createdAt)).map((row) => ({ ...row }))

t.test('a patient asks, sees the date, and cancels; both are notified and mailed', async (t) => {
  const user = await register(app)
  t.strictSame((await deletion(user, 'GET')).json(), { success: true, data: { deletion: null, delayDays: 14 } })

  const requested = await deletion(user, 'POST')
  const scheduledFor = new Date(clock + 14 * DAY).toISOString()
  t.equal(requested.statusCode, 202)
  t.strictSame(requested.json(), {
    success: true,
    message: 'Account deletion scheduled',
    data: { deletion: { requestedAt: new Date(clock).toISOString(), scheduledFor }, delayDays: 14 },
  })
  const mail = await mailTo(user.user.email, 'Permintaan penghapusan akun rekam')
  t.match(mail.text, /akan dihapus pada \d+ \S+ \d{4}/, 'with the date')

  clock += 60_000
  t.strictSame((await deletion(user, 'POST')).json().data.deletion.requestedAt, new Date(clock - 60_000).toISOString(), 'asking again keeps the first schedule')
  t.strictSame((await deletion(user, 'GET')).json().data.deletion, { requestedAt: new Date(clock - 60_000).toISOString(), scheduledFor })

  const cancelled = await deletion(user, 'DELETE')
  t.strictSame(cancelled.json(), { success: true, message: 'Account deletion cancelled', data: { deletion: null, delayDays: 14 } })
  await t.resolves(mailTo(user.user.email, 'Penghapusan akun rekam dibatalkan'), 'the cancel is mailed')
  assertError(t, await deletion(user, 'DELETE'), 404, 'NOT_FOUND', 'No account deletion is scheduled')
  t.strictSame(await notified(user.user.id), [
    { type: 'DELETION_REQUESTED', details: { effectiveAt: scheduledFor } },
    { type: 'DELETION_CANCELLED', details: {} },
  ], 'once each')
  t.strictSame(await app.db.select({ type: securityEvents.type }).from(securityEvents)
    .where(and(eq(securityEvents.userId, user.user.id), inArray(securityEvents.type, ['ACCOUNT_DELETION_REQUESTED', 'ACCOUNT_DELETION_CANCELLED'])))
    .orderBy(securityEvents.createdAt), [{ type: 'ACCOUNT_DELETION_REQUESTED' }, { type: 'ACCOUNT_DELETION_CANCELLED' }])
})

t.test('the request needs a recent sign-in; staff accounts are closed by an admin instead', async (t) => {
  const user = await register(app)
  const doctor = await registerAs(app, 'DOCTOR', clock)
  assertError(t, await deletion(doctor, 'POST'), 403, 'FORBIDDEN', 'Staff accounts are closed by an administrator')
  clock += 301_000
  const stale = await deletion(user, 'POST')
  t.equal(stale.statusCode, 401)
  t.equal(stale.json().error.code, 'STEP_UP_REQUIRED')
  t.strictSame((await deletion(user, 'GET')).json().data.deletion, null, 'nothing scheduled')
})

t.test('14 days later the job erases the account: no sign-in, no session, no personal data', async (t) => {
  const user = await register(app, { fullName: 'Rina Putri' })
  const id = user.user.id
  t.equal((await deletion(user, 'POST')).statusCode, 202)
  const requestedAt = clock
  // What the account holds meanwhile: a pending email change, a second session, mail and
  // notifications, a second factor with its recovery codes.
  const change = await app.inject({ method: 'PUT', url: '/api/auth/profile', headers: bearer(user.tokens.accessToken), payload: { email: `new.${user.user.email}`, currentPassword: user.password } })
  t.equal(change.statusCode, 202)
  const phone = await login(app, user.user.username, user.password, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/126.0 Mobile Safari/537.36' })
  t.equal(phone.statusCode, 200)
  await enrollTotp(app, { token: user.tokens.accessToken }, clock)
  const sessionIds = (await app.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, id))).map((row) => row.id)

  clock = requestedAt + 14 * DAY - 60_000
  t.equal(await app.accountDeletion.eraseDue(), 0, 'nothing before the 14 days are over')
  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.tokens.accessToken) })).statusCode, 200, 'the account still works')
  clock += 60_000
  t.equal(await app.accountDeletion.eraseDue(), 1)
  t.equal(await app.accountDeletion.eraseDue(), 0, 'once')
  const withClientData = await app.db.select({ id: securityEvents.id }).from(securityEvents)
    .innerJoin(securityEventClients, eq(securityEventClients.eventId, securityEvents.id))
    .where(and(eq(securityEvents.userId, id), isNotNull(securityEventClients.ip)))
  t.strictSame(withClientData, [], 'the security events kept no address or device (attempts from now on are recorded as any)')

  for (const name of [user.user.username, user.user.email, `deleted-${id}`]) {
    assertError(t, await login(app, name, user.password), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  }
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.tokens.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: user.tokens.refreshToken } }), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  const feed = await app.db.select({ kind: revocations.kind, subject: revocations.subject }).from(revocations).where(inArray(revocations.subject, [id, ...sessionIds]))
  t.strictSame(feed.filter((entry) => entry.kind === 'USER'), [{ kind: 'USER', subject: id }], 'records-service is told to refuse every token of the account')
  t.strictSame(feed.filter((entry) => entry.kind === 'SESSION').map((entry) => entry.subject).sort(), [...sessionIds].sort(), 'and each of its sessions')
  t.strictSame(feed.filter((entry) => entry.kind === 'ERASED'), [{ kind: 'ERASED', subject: id }], 'and that the account is erased (it unlinks the patient profile)')

  const [row] = await app.db.select().from(users).where(eq(users.id, id))
  t.strictSame({ ...row, createdAt: null, updatedAt: null }, {
    ...row,
    username: `deleted-${id}`,
    email: `deleted-${id}`,
    fullName: null,
    passwordHash: null,
    emailVerifiedAt: null,
    blocked: true,
    role: 'PATIENT',
    deletionRequestedAt: new Date(requestedAt),
    deletedAt: new Date(clock),
    createdAt: null,
    updatedAt: null,
  }, 'the row stays, anonymised: the id other records point at')
  const left = async (table: typeof sessions | typeof mfaFactors | typeof recoveryCodes | typeof emailTokens | typeof notifications | typeof mailOutbox) =>
    (await app.db.select().from(table).where(eq(table.userId, id))).length
  t.strictSame({
    sessions: await left(sessions),
    factors: await left(mfaFactors),
    recoveryCodes: await left(recoveryCodes),
    emailTokens: await left(emailTokens),
    notifications: await left(notifications),
    mail: await left(mailOutbox),
  }, { sessions: 0, factors: 0, recoveryCodes: 0, emailTokens: 0, notifications: 0, mail: 0 })
  const [erased] = await app.db.select({ type: securityEvents.type, reason: securityEvents.reason }).from(securityEvents)
    .where(and(eq(securityEvents.userId, id), eq(securityEvents.type, 'ACCOUNT_DELETED')))
  t.strictSame(erased, { type: 'ACCOUNT_DELETED', reason: `requested ${new Date(requestedAt).toISOString()}` })

  const admin = await registerAs(app, 'ADMIN', clock)
  const listed = await app.inject({ method: 'GET', url: `/api/users?search=deleted-${id}`, headers: bearer(admin.tokens.accessToken) })
  t.equal(listed.json().data.total, 0, 'gone from the admin list')
  const unblock = await app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: bearer(admin.tokens.accessToken), payload: { blocked: false } })
  assertError(t, unblock, 404, 'NOT_FOUND', 'User not found')
})
