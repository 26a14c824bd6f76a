import { and, asc, eq, inArray } from 'drizzle-orm'
import { assertError, assertInvalid } from '@rekam/testing'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import t from 'tap'
import { mailOutbox, notifications, securityEvents } from '../../../src/db/schema.js'
import { bearer, buildTestApp, login, register, type Registered } from '../../helper.js'

/**
 * Changing the email by a link mailed to the new address, against a real SMTP server: the request
 * (step-up, current password), the mails to both addresses, the link opened without a session,
 * the notices, a newer request or a cancel voiding the link, addresses taken before or meanwhile.
 */
const mailServer = await startMailServer(t)
let clock = Date.now()
const app = await buildTestApp(t, { env: { SMTP_URL: mailServer.url }, now: () => clock })

/** /me's answer: the user and the pending address. */
const me = async (user: Registered) => {
  const { user: account, pendingEmail } = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.tokens.accessToken) })).json().data
  return { email: account.email as string, pendingEmail: pendingEmail as string | null }
}
/** `currentPassword` null: none sent. */
const requestChange = (user: Registered, email: string, currentPassword: string | null = user.password) =>
  app.inject({ method: 'PUT', url: '/api/auth/profile', headers: bearer(user.tokens.accessToken), payload: { email, ...(currentPassword !== null ? { currentPassword } : {}) } })
const confirm = (token: string) => app.inject({ method: 'POST', url: '/api/auth/email/confirm', payload: { token } })
const cancel = (user: Registered) => app.inject({ method: 'DELETE', url: '/api/auth/email/pending', headers: bearer(user.tokens.accessToken) })
const eventTypes = async (userId: string) => (await app.db.select({ type: securityEvents.type }).from(securityEvents)
  .where(and(eq(securityEvents.userId, userId), inArray(securityEvents.type, ['EMAIL_CHANGE_REQUESTED', 'EMAIL_CHANGED'])))
  .orderBy(asc(securityEvents.createdAt))).map((e) => e.type)
const newAddress = (user: Registered, tag = 'moved') => `${tag}.${user.user.username}@example.test`
/** The next mail to `to` with this subject (registration's verification mail, say, is not it). */
const mailTo = (to: string, subject: string) => mailServer.next((mail) => mail.to.includes(to.toLowerCase()) && mail.subject === subject)
const LINK = 'Konfirmasi alamat email baru Anda di rekam'
const REQUESTED = 'Permintaan perubahan email akun rekam Anda'
const CHANGED = 'Alamat email akun rekam Anda diubah'
const INVALID_LINK = 'This link is invalid, expired or already used; ask for a new one'

/** Requests a change to `email` and reads the link the new address received. */
async function requestAndReadLink (user: Registered, email: string): Promise<string> {
  const res = await requestChange(user, email)
  t.equal(res.statusCode, 202, `the change to ${email} is pending`)
  return linkToken(await mailTo(email, LINK), '/confirm-email')
}

t.test('the new address confirms by link, from any device; both addresses are told', async (t) => {
  const user = await register(app)
  const oldEmail = user.user.email
  const email = `Moved.${user.user.username}@Example.test`
  const lower = email.toLowerCase()

  const res = await requestChange(user, email)
  t.equal(res.statusCode, 202)
  const pending = res.json()
  t.strictSame(pending, {
    success: true,
    message: 'Open the link sent to the new address to confirm it',
    data: { user: { ...pending.data.user, email: oldEmail }, pendingEmail: lower },
  })
  t.strictSame((await me(user)).pendingEmail, lower, '/me shows the pending address')

  // In the account's language: Indonesian unless the user chose English.
  const linkMail = await mailTo(lower, LINK)
  const token = linkToken(linkMail, '/confirm-email')
  t.match(linkMail.text, /berlaku 24 jam/, 'the link works 24 hours')
  const noticeMail = await mailTo(oldEmail, REQUESTED)
  t.match(noticeMail.text, 'm***@example.test', 'the old address sees the new one masked')
  t.notMatch(noticeMail.text, lower, 'and never in full')
  t.notMatch(noticeMail.text, '#token=', 'and no link that would apply it')

  t.equal((await login(app, lower, user.password)).statusCode, 401, 'the new address signs nothing in before it is confirmed')
  t.equal((await login(app, oldEmail, user.password)).statusCode, 200, 'the old one still does')

  const confirmed = await confirm(token)
  t.strictSame(confirmed.json(), { success: true, data: { email: lower }, message: 'Email changed' }, 'no bearer needed')
  t.strictSame(await me(user), { email: lower, pendingEmail: null })
  t.equal((await login(app, lower, user.password)).statusCode, 200, 'the new address signs in')
  assertError(t, await login(app, oldEmail, user.password), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')

  for (const address of [lower, oldEmail]) {
    const mail = await mailTo(address, CHANGED)
    t.match(mail.text, 'm***@example.test', `the notice reaches ${address === lower ? 'the new' : 'the old'} address`)
  }
  const listed = await app.db.select({ type: notifications.type, details: notifications.details }).from(notifications).where(eq(notifications.userId, user.user.id))
  t.strictSame(listed, [{ type: 'EMAIL_CHANGED', details: { oldEmail: `${oldEmail[0]}***@example.test`, newEmail: 'm***@example.test' } }], 'one notification, addresses masked')
  t.strictSame(await eventTypes(user.user.id), ['EMAIL_CHANGE_REQUESTED', 'EMAIL_CHANGED'])

  assertError(t, await confirm(token), 400, 'EMAIL_TOKEN_INVALID', INVALID_LINK) // the link works once
})

t.test('a newer request voids the older link; cancelling voids the pending one', async (t) => {
  const user = await register(app)
  const first = await requestAndReadLink(user, newAddress(user, 'first'))
  await mailTo(user.user.email, REQUESTED)
  const second = await requestAndReadLink(user, newAddress(user, 'second'))
  await mailTo(user.user.email, REQUESTED)
  assertError(t, await confirm(first), 400, 'EMAIL_TOKEN_INVALID', INVALID_LINK) // the first link is void
  t.equal((await me(user)).pendingEmail, newAddress(user, 'second'))

  const cancelled = await cancel(user)
  t.equal(cancelled.statusCode, 200)
  t.match(cancelled.json(), { success: true, message: 'Email change cancelled', data: { user: { email: user.user.email }, pendingEmail: null } })
  assertError(t, await confirm(second), 400, 'EMAIL_TOKEN_INVALID', INVALID_LINK) // the cancelled link is void
  assertError(t, await cancel(user), 404, 'NOT_FOUND', 'No email change is pending')
  t.equal((await me(user)).email, user.user.email, 'nothing changed')
})

t.test('an address another account has is 409 CONFLICT, at the request or when the link is opened', async (t) => {
  const owner = await register(app)
  const user = await register(app)
  assertError(t, await requestChange(user, owner.user.email.toUpperCase()), 409, 'CONFLICT', 'That email is already registered')

  const wanted = newAddress(user, 'wanted')
  const token = await requestAndReadLink(user, wanted)
  await mailTo(user.user.email, REQUESTED)
  await register(app, { email: wanted })
  assertError(t, await confirm(token), 409, 'CONFLICT', 'That email is already registered') // taken meanwhile
  t.strictSame(await me(user), { email: user.user.email, pendingEmail: wanted }, 'the account keeps its address')
  t.strictSame(await eventTypes(user.user.id), ['EMAIL_CHANGE_REQUESTED'], 'and nothing was recorded as changed')
})

t.test('the request needs the current password and a recent sign-in; a link expires after 24 hours', async (t) => {
  const user = await register(app)
  assertInvalid(t, await requestChange(user, newAddress(user), null), 'body.currentPassword', 'is required to change the email')
  assertError(t, await requestChange(user, newAddress(user), 'not-my-password'), 403, 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect')

  const token = await requestAndReadLink(user, newAddress(user))
  await mailTo(user.user.email, REQUESTED)
  clock += 24 * 3600_000 + 1000
  assertError(t, await confirm(token), 400, 'EMAIL_TOKEN_INVALID', INVALID_LINK) // an expired link
  t.equal((await me(user)).pendingEmail, null, 'and it is no longer pending')

  const stale = await requestChange(user, newAddress(user, 'later'))
  t.equal(stale.statusCode, 401, 'a sign-in a day old must step up first')
  t.equal(stale.json().error.code, 'STEP_UP_REQUIRED')
  const queued = await app.db.select({ template: mailOutbox.template }).from(mailOutbox)
    .where(and(eq(mailOutbox.userId, user.user.id), inArray(mailOutbox.template, ['email-change', 'email-change-requested'])))
  t.strictSame(queued.map((row) => row.template).sort(), ['email-change', 'email-change-requested'], 'no refused request queued mail: these are the accepted one\'s')
  assertError(t, await confirm('x'.repeat(43)), 400, 'EMAIL_TOKEN_INVALID', INVALID_LINK) // an unknown token
})
