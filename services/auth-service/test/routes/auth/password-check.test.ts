import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { createTestDatabase } from '@rekam/testing'
import { startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import { securityEvents } from '../../../src/db/schema.js'
import { bearer, buildAppOn, login, register, type Registered } from '../../helper.js'
import { passwordGate, statusTally } from '../../password-gate.js'

const MAX = 5
const WINDOW = 900
const database = await createTestDatabase(t)
// An email change needs mail: the current-password check comes after that.
const mailServer = await startMailServer(t)
const app = await buildAppOn(t, database, { LOGIN_MAX_FAILURES: String(MAX), LOGIN_FAILURE_WINDOW: String(WINDOW), SMTP_URL: mailServer.url })

const putProfile = (user: Registered, payload: object) =>
  app.inject({ method: 'PUT', url: '/api/auth/profile', headers: bearer(user.tokens.accessToken), payload })
const changePassword = (user: Registered, currentPassword: string) =>
  app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(user.tokens.accessToken), payload: { currentPassword, newPassword: 'velvet-harbor-quartz-19' } })
const eventsOf = async (userId: string, types: Array<typeof securityEvents.$inferSelect.type>) =>
  (await app.db.select({ type: securityEvents.type, reason: securityEvents.reason, sessionId: securityEvents.sessionId }).from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types))).orderBy(asc(securityEvents.createdAt))).map((e) => ({ ...e }))
const sessionOf = (user: Registered) => JSON.parse(Buffer.from(user.tokens.accessToken.split('.')[1]!, 'base64url').toString()).sid as string
const endWindow = () => app.db.execute(sql`update rate_limits set window_start = now() - make_interval(secs => ${WINDOW + 1}) where key like 'login:%'`)
const error = (res: { headers: Record<string, unknown> }, code: string, message: string) =>
  ({ success: false, error: { code, message, requestId: String(res.headers['x-request-id']) } })
const LOCKED = 'Too many failed sign-ins; try again later'

t.test('wrong current passwords count as failed sign-ins of the account', async (t) => {
  const user = await register(app)
  const newEmail = `moved-${user.user.username}@example.test`
  for (let i = 0; i < 3; i++) {
    const res = await putProfile(user, { email: newEmail, currentPassword: `wrong-guess-${i}` })
    t.strictSame(res.json(), error(res, 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect'), 'a wrong password on the profile is 403')
  }
  for (let i = 0; i < 2; i++) t.equal((await changePassword(user, `wrong-guess-${i}`)).statusCode, 403, 'and on change-password')

  const locked = await putProfile(user, { email: newEmail, currentPassword: user.password })
  t.equal(locked.statusCode, 429, 'the sixth check is refused, right password included')
  t.strictSame(locked.json(), error(locked, 'TOO_MANY_REQUESTS', LOCKED))
  t.strictSame(
    { limit: locked.headers['x-ratelimit-limit'], remaining: locked.headers['x-ratelimit-remaining'] },
    { limit: String(MAX), remaining: '0' }, 'with the limit headers')
  t.ok(Number(locked.headers['retry-after']) > WINDOW - 60, 'and Retry-After until the window ends')
  t.equal((await changePassword(user, user.password)).statusCode, 429, 'change-password is refused too')
  for (const name of [user.user.username, user.user.email]) {
    const res = await login(app, name, user.password)
    t.strictSame({ status: res.statusCode, body: res.json() }, { status: 429, body: error(res, 'TOO_MANY_REQUESTS', LOCKED) }, `and sign-in by ${name.includes('@') ? 'email' : 'username'}`)
  }

  const sessionId = sessionOf(user)
  t.strictSame(await eventsOf(user.user.id, ['PASSWORD_CHECK_FAILED', 'LOGIN_LOCKED', 'LOGIN_FAILED', 'EMAIL_CHANGE_REQUESTED']), [
    ...Array.from({ length: 3 }, () => ({ type: 'PASSWORD_CHECK_FAILED', reason: 'email_change', sessionId })),
    ...Array.from({ length: 2 }, () => ({ type: 'PASSWORD_CHECK_FAILED', reason: 'password_change', sessionId })),
    { type: 'LOGIN_LOCKED', reason: 'account', sessionId: null },
  ], 'each failure recorded, and the lock once')

  await endWindow()
  const changed = await putProfile(user, { email: newEmail, currentPassword: user.password })
  t.equal(changed.statusCode, 202, 'after the window the right password starts the email change')
  t.equal(changed.json().data.pendingEmail, newEmail)
  t.strictSame((await eventsOf(user.user.id, ['EMAIL_CHANGE_REQUESTED'])), [{ type: 'EMAIL_CHANGE_REQUESTED', reason: null, sessionId }], 'the request is a security event (without the addresses)')
  for (let i = 0; i < MAX - 1; i++) t.equal((await login(app, user.user.username, `wrong-guess-${i}`)).statusCode, 401)
  t.equal((await login(app, user.user.email, user.password)).statusCode, 200, 'the right check cleared the count: sign-in has its full allowance')
})

t.test('a name-only profile change asks for no password and counts nothing', async (t) => {
  const user = await register(app)
  t.equal((await putProfile(user, { fullName: 'Someone Else' })).statusCode, 200)
  t.strictSame(await eventsOf(user.user.id, ['PASSWORD_CHECK_FAILED', 'EMAIL_CHANGE_REQUESTED']), [])
})

t.test('a burst of current-password guesses evaluates at most LOGIN_MAX_FAILURES of them', async (t) => {
  const user = await register(app)
  const gate = passwordGate(app)
  const answers = gate.send(Array.from({ length: 30 }, (_, i) => () => putProfile(user, { email: `burst-${i}@example.test`, currentPassword: `wrong-guess-${i}` })))
  await gate.settled()
  gate.open()
  const settled = await answers.finally(gate.restore)
  t.strictSame(statusTally(settled), { 403: MAX, 429: 30 - MAX })
  t.equal(gate.compared, MAX, 'five passwords were compared')
})
