import { createHash, randomUUID } from 'node:crypto'
import { linkToken, startMailServer, type ReceivedMail } from '@rekam/testing/mail'
import { and, asc, eq, inArray } from 'drizzle-orm'
import t from 'tap'
import { securityEvents, setPasswordTokens, users } from '../../src/db/schema.js'
import { renderTemplate } from '../../src/mail/templates/index.js'
import { bearer, buildTestApp, captureLogs, login, register, registerAs, uniqueUser } from '../helper.js'

/**
 * Staff invitations (POST /api/users) on one app and one real SMTP server: the account is made
 * without a password, its owner gets the set-password link by mail (the admin's answer has none),
 * the link works once and for 72 hours of the app's clock; without mail nothing is made. Unlock.
 */
const MAX_FAILURES = 3
const HOUR = 3600_000
const mailServer = await startMailServer(t)
const logs = captureLogs()
let clock = Date.now()
const app = await buildTestApp(t, {
  env: { LOGIN_MAX_FAILURES: String(MAX_FAILURES), SMTP_URL: mailServer.url, MFA_ISSUER: 'Klinik Sehat' },
  now: () => clock,
  logStream: logs.stream,
})
const admin = await registerAs(app, 'ADMIN', clock)
const patient = await register(app)

const createUser = (payload: object, token = admin.tokens.accessToken) =>
  app.inject({ method: 'POST', url: '/api/users', headers: bearer(token), payload })
const setPassword = (token: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token, password } })
const unlock = (id: string, token = admin.tokens.accessToken) =>
  app.inject({ method: 'POST', url: `/api/users/${id}/unlock`, headers: bearer(token) })
const envelope = (res: { headers: Record<string, unknown> }, code: string, message: string) =>
  ({ success: false, error: { code, message, requestId: String(res.headers['x-request-id']) } })
const eventsOf = async (userId: string, types: Array<typeof securityEvents.$inferSelect.type>) =>
  (await app.db.select({ type: securityEvents.type, actorUserId: securityEvents.actorUserId, reason: securityEvents.reason })
    .from(securityEvents).where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, types)))
    .orderBy(asc(securityEvents.createdAt))).map((e) => ({ ...e }))
const INVALID_LINK = 'This set-password link is invalid, expired or already used; ask an administrator for a new one'
const STRONG = 'velvet-harbor-quartz-19'

function newDoctor () {
  const { username, email, fullName } = uniqueUser('dr')
  return { username, email, fullName, role: 'DOCTOR' as const }
}

/** Invites through the API and reads the link's token from the mail the new account's owner got. */
async function invite (account: { email: string, [field: string]: unknown }): Promise<{ user: { id: string }, mail: ReceivedMail, token: string }> {
  const res = await createUser(account)
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`)
  const mail = await mailServer.next(account.email)
  return { user: res.json().data.user, mail, token: linkToken(mail, '/set-password') }
}

t.test('POST /api/users creates a DOCTOR without a password and mails its owner a one-time link for 72 hours', async (t) => {
  const doctor = newDoctor()
  const invitedAt = clock
  const res = await createUser(doctor)
  t.equal(res.statusCode, 201)
  const body = res.json()
  const { user } = body.data
  t.strictSame(body, {
    success: true,
    message: 'User created; the invitation to set a password was mailed to them',
    data: {
      user: { id: user.id, username: doctor.username, email: doctor.email, fullName: doctor.fullName, role: 'DOCTOR', blocked: false, emailVerified: false, locale: 'id', createdAt: user.createdAt, updatedAt: user.updatedAt },
    },
  }, 'the answer is the account alone: no link for the admin')

  const mail = await mailServer.next(doctor.email)
  const token = linkToken(mail, '/set-password')
  const url = `http://localhost:3000/set-password#token=${token}`
  t.match(token, /^[A-Za-z0-9_-]{43}$/)
  t.strictSame(mail.to, [doctor.email], 'to the new account\'s own address')
  // In the inviting admin's language (Indonesian: the default of a new account), every part filled in.
  const expected = renderTemplate('invite', 'id', {
    name: doctor.fullName,
    username: doctor.username,
    role: 'DOCTOR',
    invitedBy: `Test ${admin.user.username}`,
    clinic: 'Klinik Sehat',
    url,
    expiresAt: new Date(invitedAt + 72 * HOUR).toISOString(),
    validHours: 72,
    secondFactor: true,
  })
  t.equal(mail.subject, 'Undangan ke rekam Klinik Sehat')
  t.equal(mail.text, expected.text, 'the text part as the template writes it')
  t.equal(mail.html, expected.html, 'and the HTML part')
  t.match(mail.text, `Test ${admin.user.username} mengundang Anda bergabung dengan Klinik Sehat`, 'who invited them, to which clinic')
  t.match(mail.text, 'faktor kedua', 'the second factor to set up at first sign-in')
  t.notOk(logs.entries.some((entry) => JSON.stringify(entry).includes(token)), 'the token is in no log line')

  const [row] = await app.db.select().from(users).where(eq(users.id, user.id))
  t.strictSame([row!.passwordHash, row!.emailVerifiedAt, row!.locale], [null, null, 'id'], 'no usable password, the address not yet proven')
  const stored = await app.db.select({ tokenHash: setPasswordTokens.tokenHash, createdBy: setPasswordTokens.createdBy, expiresAt: setPasswordTokens.expiresAt })
    .from(setPasswordTokens).where(eq(setPasswordTokens.userId, user.id))
  t.strictSame(stored.map((r) => ({ ...r })), [{ tokenHash: createHash('sha256').update(token).digest('hex'), createdBy: admin.user.id, expiresAt: new Date(invitedAt + 72 * HOUR) }], 'only the hash is stored, with who made it, for 72 hours')
  t.strictSame(await eventsOf(user.id, ['USER_INVITED']), [{ type: 'USER_INVITED', actorUserId: admin.user.id, reason: 'DOCTOR via api' }])

  t.test('until the password is set, signing in answers exactly like a wrong password', async (t) => {
    const invited = await login(app, doctor.username, 'any-password-at-all')
    const wrong = await login(app, admin.user.username, 'not-the-admin-password')
    t.equal(invited.statusCode, 401)
    t.strictSame(invited.json(), envelope(invited, 'INVALID_CREDENTIALS', 'Invalid username, email or password'))
    t.strictSame({ ...wrong.json().error, requestId: '' }, { ...invited.json().error, requestId: '' }, 'the same body as a wrong password')
  })

  t.test('the mailed link: a weak password is refused and leaves it usable; a good one sets it once, signing nothing in', async (t) => {
    const weak = await setPassword(token, 'password')
    t.equal(weak.statusCode, 400)
    t.equal(weak.json().error.code, 'VALIDATION_ERROR')
    const done = await setPassword(token, STRONG)
    t.equal(done.statusCode, 200)
    t.strictSame(done.json(), { success: true, data: null, message: 'Password set; sign in with it' })
    const again = await setPassword(token, 'another-fine-passphrase-42')
    t.equal(again.statusCode, 400)
    t.strictSame(again.json(), envelope(again, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
    const signedIn = await login(app, doctor.email, STRONG)
    t.equal(signedIn.statusCode, 200, 'the owner signs in with the password set')
    t.equal(signedIn.json().data.mfaEnrollmentRequired, true, 'and, a doctor, goes on to enrol a second factor')
    expectInvalid(t, await login(app, doctor.email, 'another-fine-passphrase-42'))
    const [after] = await app.db.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, user.id))
    t.strictSame(after, { emailVerifiedAt: new Date(clock) }, 'using the mailed link proved the address')
    t.strictSame(await eventsOf(user.id, ['USER_INVITED', 'PASSWORD_SET']), [
      { type: 'USER_INVITED', actorUserId: admin.user.id, reason: 'DOCTOR via api' },
      { type: 'PASSWORD_SET', actorUserId: null, reason: null },
    ])
  })
})

t.test('an invitation in English when asked, for an ADMIN', async (t) => {
  const account = { ...newDoctor(), role: 'ADMIN', locale: 'en' }
  const { user, mail } = await invite(account)
  t.equal(mail.subject, 'Your invitation to rekam at Klinik Sehat')
  t.match(mail.text, `Test ${admin.user.username} invited you to join Klinik Sehat on rekam, the clinic's medical records system, as an administrator. Your username: ${account.username}.`)
  t.match(mail.text, 'At your first sign-in you will set up a second factor', 'ADMIN is in MFA_REQUIRED_ROLES too')
  const [row] = await app.db.select({ locale: users.locale, role: users.role }).from(users).where(eq(users.id, user.id))
  t.strictSame(row, { locale: 'en', role: 'ADMIN' }, 'later mail to the account is in English too')
})

function expectInvalid (t: { equal: (a: unknown, b: unknown) => void, strictSame: (a: unknown, b: unknown) => void }, res: Awaited<ReturnType<typeof login>>) {
  t.equal(res.statusCode, 401)
  t.strictSame(res.json(), envelope(res, 'INVALID_CREDENTIALS', 'Invalid username, email or password'))
}

t.test('a link is single use even when it is sent many times at once', async (t) => {
  const { user, token } = await invite({ ...newDoctor(), role: 'ADMIN' })
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => setPassword(token, `${STRONG}-${i}`)))
  const statuses = answers.map((a) => a.statusCode).sort()
  t.strictSame(statuses, [200, 400, 400, 400, 400, 400], 'exactly one succeeds')
  for (const a of answers.filter((a) => a.statusCode === 400)) t.strictSame(a.json(), envelope(a, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  t.equal((await eventsOf(user.id, ['PASSWORD_SET'])).length, 1, 'one PASSWORD_SET event')
})

t.test('an unknown token is 400 SET_PASSWORD_TOKEN_INVALID; a malformed body is 400 VALIDATION_ERROR', async (t) => {
  const unknown = await setPassword('x'.repeat(43), STRONG)
  t.equal(unknown.statusCode, 400)
  t.strictSame(unknown.json(), envelope(unknown, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK))
  const short = await setPassword('short', STRONG)
  t.equal(short.json().error.code, 'VALIDATION_ERROR')
})

t.test('POST /api/users refuses: taken username or email 409, a PATIENT role 400, non-admins 403, no token 401', async (t) => {
  const doctor = newDoctor()
  await invite(doctor)
  const sent = mailServer.mails.length
  for (const clash of [{ ...newDoctor(), username: doctor.username.toUpperCase() }, { ...newDoctor(), email: doctor.email }]) {
    const res = await createUser(clash)
    t.equal(res.statusCode, 409)
    t.strictSame(res.json(), envelope(res, 'CONFLICT', 'A user with that username or email already exists'))
  }
  const patientRole = await createUser({ ...newDoctor(), role: 'PATIENT' })
  t.equal(patientRole.statusCode, 400)
  t.equal(patientRole.json().error.code, 'VALIDATION_ERROR')
  const byPatient = await createUser(newDoctor(), patient.tokens.accessToken)
  t.strictSame(byPatient.json(), envelope(byPatient, 'FORBIDDEN', byPatient.json().error.message))
  t.equal(byPatient.statusCode, 403)
  const anonymous = await app.inject({ method: 'POST', url: '/api/users', payload: newDoctor() })
  t.equal(anonymous.statusCode, 401)
  await app.mailSender.idle()
  t.equal(mailServer.mails.length, sent, 'no mail for a refused invitation')
})

t.test('POST /api/users/:id/unlock clears the account\'s sign-in lockout, audited', async (t) => {
  const locked = await register(app)
  for (let i = 0; i < MAX_FAILURES; i++) expectInvalid(t, await login(app, locked.user.username, `wrong-guess-${i}`))
  t.equal((await login(app, locked.user.email, locked.password)).statusCode, 429, 'locked out, right password included')

  const res = await unlock(locked.user.id)
  t.equal(res.statusCode, 200)
  const { user } = res.json().data
  t.strictSame(res.json(), {
    success: true,
    message: 'Sign-in lockout cleared',
    data: { user: { id: locked.user.id, username: locked.user.username, email: locked.user.email, fullName: user.fullName, role: 'PATIENT', blocked: false, emailVerified: false, locale: 'id', createdAt: user.createdAt, updatedAt: user.updatedAt } },
  })
  t.equal((await login(app, locked.user.username, locked.password)).statusCode, 200, 'signs in again')
  t.strictSame(await eventsOf(locked.user.id, ['LOCKOUT_CLEARED']), [{ type: 'LOCKOUT_CLEARED', actorUserId: admin.user.id, reason: null }])

  const missing = await unlock(randomUUID())
  t.equal(missing.statusCode, 404)
  t.strictSame(missing.json(), envelope(missing, 'NOT_FOUND', 'User not found'))
  const byPatient = await unlock(locked.user.id, patient.tokens.accessToken)
  t.equal(byPatient.statusCode, 403)
})

t.test('a mailed link works for 72 hours of the app\'s clock, and not a moment longer', async (t) => {
  const early = await invite(newDoctor())
  const late = await invite(newDoctor())
  clock += 72 * HOUR - 1000
  t.equal((await setPassword(early.token, STRONG)).statusCode, 200, 'a second before the end it works')
  clock += 1000
  const expired = await setPassword(late.token, STRONG)
  t.strictSame(expired.json(), envelope(expired, 'SET_PASSWORD_TOKEN_INVALID', INVALID_LINK), 'at the end it is refused')
  const [row] = await app.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, late.user.id))
  t.equal(row!.passwordHash, null, 'and the account still has no password')
})

t.test('without mail (no SMTP_URL) an invitation is 503 MAIL_UNAVAILABLE and leaves nothing behind', async (t) => {
  const noMail = await buildTestApp(t)
  const noMailAdmin = await registerAs(noMail, 'ADMIN')
  const doctor = newDoctor()
  const res = await noMail.inject({ method: 'POST', url: '/api/users', headers: bearer(noMailAdmin.tokens.accessToken), payload: doctor })
  t.equal(res.statusCode, 503)
  t.strictSame(res.json(), envelope(res, 'MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator'))
  // Past the route's check too: the delivery inside the transaction refuses, and it rolls back.
  await t.rejects(noMail.staffAccounts.invite(doctor, { actorUserId: noMailAdmin.user.id, via: 'api' }, { ip: null, userAgent: 'test', requestId: 'test' }, 3600), { statusCode: 503, code: 'MAIL_UNAVAILABLE' })
  t.strictSame(await noMail.db.select({ id: users.id }).from(users).where(eq(users.username, doctor.username)), [], 'no user')
  t.strictSame(await noMail.db.select({ id: setPasswordTokens.id }).from(setPasswordTokens), [], 'no link')
  t.strictSame((await noMail.db.select({ type: securityEvents.type }).from(securityEvents).where(eq(securityEvents.type, 'USER_INVITED'))).length, 0, 'no USER_INVITED event')
})
