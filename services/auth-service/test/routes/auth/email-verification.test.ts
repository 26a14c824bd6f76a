import { assertError, assertInvalid } from '@rekam/testing'
import { linkToken, startMailServer } from '@rekam/testing/mail'
import { eq } from 'drizzle-orm'
import t from 'tap'
import { users } from '../../../src/db/schema.js'
import { bearer, buildTestApp, login, uniqueUser } from '../../helper.js'
import { enrollTotp, eventsOf, freshTotpCode } from '../../mfa.js'
import { assertionResponse, newPasskey, passkeyOptions, registerPasskey } from '../../passkeys.js'

/**
 * Email verification end to end with a real SMTP server: the link mailed at registration (in
 * the user's language) verifies once and expires with the app clock; resend answers alike for
 * any address and is limited per address; EMAIL_VERIFICATION=required keeps every way in shut
 * until the address is verified.
 */
const mailServer = await startMailServer(t)
let clock = Date.now()
const now = () => clock
const app = await buildTestApp(t, { env: { SMTP_URL: mailServer.url, MAIL_REQUESTS_PER_ADDRESS: '3' }, now })

const registerWith = (target: typeof app, headers: Record<string, string> = {}) => {
  const body = uniqueUser('verify')
  return target.inject({ method: 'POST', url: '/api/auth/register', payload: body, headers }).then((res) => ({ res, body }))
}
const verify = (target: typeof app, token: string) => target.inject({ method: 'POST', url: '/api/auth/email/verify', payload: { token } })
const resend = (target: typeof app, payload: unknown, headers: Record<string, string> = {}) =>
  target.inject({ method: 'POST', url: '/api/auth/email/verify/resend', payload: payload as object, headers })
const TOKEN_INVALID = 'This link is invalid, expired or already used; ask for a new one'
const NOT_VERIFIED = 'Verify your email address first: open the link we sent, or ask for a new one'
const RESENT = { success: true, data: null, message: 'If this address belongs to an account that is not verified yet, a new link is on its way' }

t.test('registration mails a link in the user\'s language; the link verifies once', async (t) => {
  const { res, body } = await registerWith(app, { 'accept-language': 'fr-FR, en-GB;q=0.8, id;q=0.5' })
  t.equal(res.statusCode, 201)
  t.match(res.json().data, { user: { email: body.email, emailVerified: false, locale: 'en' }, tokens: { accessToken: /\S/ }, verificationSent: true })
  const mail = await mailServer.next(body.email)
  t.equal(mail.subject, 'Verify your email address for rekam')
  t.match(mail.text, `Hello ${body.fullName},`)
  const token = linkToken(mail, '/verify-email')
  t.match(mail.text, `http://localhost:3000/verify-email#token=${token}`)

  const verified = await verify(app, token)
  t.equal(verified.statusCode, 200)
  t.strictSame(verified.json(), { success: true, data: { emailVerified: true }, message: 'Email address verified' })
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(res.json().data.tokens.accessToken) })
  t.match(me.json().data.user, { emailVerified: true, locale: 'en' })
  const events = await app.securityEventsRepository.list({ type: 'EMAIL_VERIFIED', userId: res.json().data.user.id, page: 1, limit: 10 })
  t.equal(events.total, 1, 'EMAIL_VERIFIED recorded')

  assertError(t, await verify(app, token), 400, 'EMAIL_TOKEN_INVALID', TOKEN_INVALID)
  t.equal((await resend(app, {}, bearer(res.json().data.tokens.accessToken))).statusCode, 202, 'a verified account may ask, and gets nothing')
  await app.mailSender.idle()
  t.equal(mailServer.mails.filter((m) => m.to.includes(body.email)).length, 1)
})

t.test('a link expires after 24 hours; a signed-in user asks for a new one, which voids the older', async (t) => {
  const { res, body } = await registerWith(app)
  t.equal(res.json().data.user.locale, 'id', 'Bahasa Indonesia without Accept-Language')
  const first = await mailServer.next(body.email)
  t.equal(first.subject, 'Verifikasi alamat email Anda di rekam')
  clock += 24 * 3600_000 + 1000
  assertError(t, await verify(app, linkToken(first, '/verify-email')), 400, 'EMAIL_TOKEN_INVALID', TOKEN_INVALID)

  const token = res.json().data.tokens.accessToken
  t.strictSame((await resend(app, {}, bearer(token))).json(), RESENT)
  const second = await mailServer.next(body.email)
  t.equal((await resend(app, { email: body.email })).statusCode, 202)
  const third = await mailServer.next(body.email)
  assertError(t, await verify(app, linkToken(second, '/verify-email')), 400, 'EMAIL_TOKEN_INVALID', TOKEN_INVALID)
  t.equal((await verify(app, linkToken(third, '/verify-email'))).statusCode, 200)
})

t.test('resend answers alike for a known and an unknown address, and counts both', async (t) => {
  const { body } = await registerWith(app)
  await mailServer.next(body.email)
  const unknown = `nobody-${Date.now()}@example.test`
  for (let i = 0; i < 3; i++) {
    const known = await resend(app, { email: body.email.toUpperCase() })
    const stranger = await resend(app, { email: unknown })
    t.strictSame([known.statusCode, known.json()], [202, RESENT])
    t.strictSame([stranger.statusCode, stranger.json()], [202, RESENT])
  }
  for (const email of [body.email, unknown]) {
    const limited = await resend(app, { email })
    assertError(t, limited, 429, 'TOO_MANY_REQUESTS', /\S/)
    t.ok(Number(limited.headers['retry-after']) > 0)
  }
  await app.mailSender.idle()
  t.equal(mailServer.mails.filter((m) => m.to.includes(body.email)).length, 4, 'the registration mail and three resent')
  t.equal(mailServer.mails.filter((m) => m.to.includes(unknown)).length, 0, 'nothing to an address without an account')
  assertInvalid(t, await resend(app, {}), 'body.email', 'is required without a bearer token')
})

t.test('the profile keeps the language', async (t) => {
  const { res } = await registerWith(app)
  const updated = await app.inject({ method: 'PUT', url: '/api/auth/profile', payload: { locale: 'en' }, headers: bearer(res.json().data.tokens.accessToken) })
  t.equal(updated.statusCode, 200)
  t.equal(updated.json().data.user.locale, 'en')
  assertInvalid(t, await app.inject({ method: 'PUT', url: '/api/auth/profile', payload: { locale: 'fr' }, headers: bearer(res.json().data.tokens.accessToken) }), 'body.locale', ['must be equal to constant', 'must be equal to constant', 'must match a schema in anyOf'])
})

t.test('EMAIL_VERIFICATION=required: no tokens at registration, no sign-in by any way until verified', async (t) => {
  const strict = await buildTestApp(t, { env: { SMTP_URL: mailServer.url, EMAIL_VERIFICATION: 'required' } })
  const { res, body } = await registerWith(strict)
  t.equal(res.statusCode, 201)
  t.strictSame(Object.keys(res.json().data).sort(), ['emailVerificationRequired', 'user', 'verificationSent'])
  t.match(res.json(), { data: { emailVerificationRequired: true, user: { emailVerified: false } }, message: 'Registered; open the link mailed to you to sign in' })

  assertError(t, await login(strict, body.username, 'not the password'), 401, 'INVALID_CREDENTIALS', /\S/)
  assertError(t, await login(strict, body.username, body.password), 403, 'EMAIL_NOT_VERIFIED', NOT_VERIFIED)
  t.equal((await verify(strict, linkToken(await mailServer.next(body.email), '/verify-email'))).statusCode, 200)
  const signedIn = await login(strict, body.email, body.password)
  t.equal(signedIn.statusCode, 200)

  // An address that stops being verified (as after a change of address) shuts the second step too.
  const { secret } = await enrollTotp(strict, { token: signedIn.json().data.tokens.accessToken })
  const first = await login(strict, body.username, body.password)
  t.equal(first.json().data.mfaRequired, true)
  await strict.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.username, body.username))
  const second = await strict.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket: first.json().data.ticket, method: 'totp', code: freshTotpCode(secret) } })
  assertError(t, second, 403, 'EMAIL_NOT_VERIFIED', NOT_VERIFIED)
  assertError(t, await login(strict, body.username, body.password), 403, 'EMAIL_NOT_VERIFIED', NOT_VERIFIED)
})

t.test('EMAIL_VERIFICATION=required: a passkey sign-in of an unverified address answers as the password does, and spends its assertion', async (t) => {
  const strict = await buildTestApp(t, { env: { SMTP_URL: mailServer.url, EMAIL_VERIFICATION: 'required', LOGIN_MAX_FAILURES: '2' } })
  const { body } = await registerWith(strict)
  t.equal((await verify(strict, linkToken(await mailServer.next(body.email), '/verify-email'))).statusCode, 200)
  const signedIn = (await login(strict, body.username, body.password)).json().data
  const passkey = newPasskey()
  t.equal((await registerPasskey(strict, { token: signedIn.tokens.accessToken }, passkey)).statusCode, 200)
  // An address that stops being verified (as after a change of address).
  await strict.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, signedIn.user.id))

  const passkeyVerify = (response: unknown) => strict.inject({ method: 'POST', url: '/api/auth/passkey/verify', payload: { response } })
  const assertions = []
  // More attempts than LOGIN_MAX_FAILURES: a right passkey, like a right password, is no failure.
  for (let i = 0; i < 3; i++) {
    const assertion = assertionResponse(passkey, await passkeyOptions(strict))
    assertions.push(assertion)
    assertError(t, await passkeyVerify(assertion), 403, 'EMAIL_NOT_VERIFIED', NOT_VERIFIED)
  }
  assertError(t, await login(strict, body.username, body.password), 403, 'EMAIL_NOT_VERIFIED', NOT_VERIFIED)
  t.strictSame(await eventsOf(strict, signedIn.user.id, ['LOGIN_FAILED']),
    Array.from({ length: 4 }, () => ({ type: 'LOGIN_FAILED', reason: 'email_not_verified' })), 'each refusal recorded alike, passkey or password')

  await strict.db.update(users).set({ emailVerifiedAt: new Date(clock) }).where(eq(users.id, signedIn.user.id))
  assertError(t, await passkeyVerify(assertions[0]), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  t.pass('a refused assertion stays spent: it cannot sign in once the address is verified')
  t.equal((await passkeyVerify(assertionResponse(passkey, await passkeyOptions(strict)))).statusCode, 200, 'a fresh one signs in')
})

t.test('without SMTP_URL: registration works, resend answers 503 MAIL_UNAVAILABLE', async (t) => {
  const mailless = await buildTestApp(t)
  const { res, body } = await registerWith(mailless)
  t.equal(res.statusCode, 201)
  t.equal(res.json().data.user.emailVerified, false)
  t.equal(res.json().data.verificationSent, false)
  assertError(t, await resend(mailless, { email: body.email }), 503, 'MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator')
})
