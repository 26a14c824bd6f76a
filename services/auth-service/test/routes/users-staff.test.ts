import { createHash } from 'node:crypto'
import { linkToken } from '@rekam/testing/mail'
import { eq } from 'drizzle-orm'
import t from 'tap'
import { securityEvents, setPasswordTokens, users } from '../../src/db/schema.js'
import { renderTemplate } from '../../src/mail/templates/index.js'
import { bearer, buildTestApp, login, registerAs } from '../helper.js'
import { envelope, expectInvalid, HOUR, INVALID_LINK, newDoctor, staffFixture, STRONG } from './users-staff-fixture.js'

/**
 * Staff invitations (POST /api/users) on one app and one real SMTP server: the account is made
 * without a password, its owner gets the set-password link by mail (the admin's answer has none);
 * the refusals; without mail nothing is made. The link itself: users-staff-link.test.ts.
 */
const clock = Date.now()
const { app, mailServer, logs, admin, patient, createUser, setPassword, eventsOf, invite } = await staffFixture(t, () => clock)

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
