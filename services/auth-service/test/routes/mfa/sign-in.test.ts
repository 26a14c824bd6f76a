import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { buildTestApp, login, register } from '../../helper.js'
import { enrollTotp, eventsOf, totpCode } from '../../mfa.js'

const CODE_INVALID = 'The code is wrong, expired or already used'
const TICKET_INVALID = 'This sign-in has expired or was already completed; sign in again'

const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now, env: { LOGIN_MAX_FAILURES: '20' } })
const verify = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload })

/** A patient with a confirmed authenticator, the clock moved past the step used to confirm it. */
async function withTotp () {
  const account = await register(app)
  const enrolled = await enrollTotp(app, { token: account.tokens.accessToken }, clock.now)
  clock.now += 30_000
  return { ...account, secret: enrolled.secret, recoveryCodes: enrolled.recoveryCodes! }
}

async function ticketOf (username: string, password: string) {
  const res = await login(app, username, password)
  t.equal(res.statusCode, 200)
  return res.json().data as { ticket: string, methods: string[], expiresIn: number, mfaRequired: true }
}

t.test('with a factor, the password earns a ticket, never tokens; the code finishes the sign-in at aal2', async (t) => {
  const { user, password, secret } = await withTotp()
  const challenge = await ticketOf(user.username, password)
  t.strictSame(challenge, { mfaRequired: true, ticket: challenge.ticket, methods: ['totp', 'recovery_code'], expiresIn: 300 })
  t.match(challenge.ticket, /^[A-Za-z0-9_-]{43}$/)

  const res = await verify({ ticket: challenge.ticket, method: 'totp', code: totpCode(secret, clock.now) })
  t.equal(res.statusCode, 200)
  t.strictSame(Object.keys(res.json().data).sort(), ['tokens', 'user'])
  const claims = decodeJwt(res.json().data.tokens.accessToken)
  t.strictSame([claims.amr, claims.acr, claims.auth_time], [['pwd', 'otp'], 'urn:rekam:aal2', Math.floor(clock.now / 1000)])

  assertError(t, await verify({ ticket: challenge.ticket, method: 'totp', code: totpCode(secret, clock.now + 30_000) }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID)
  // Events of one transaction share their time: compared per type.
  t.strictSame(await eventsOf(app, user.id, ['MFA_SUCCEEDED']), [{ type: 'MFA_SUCCEEDED', reason: 'totp' }])
  t.strictSame(await eventsOf(app, user.id, ['LOGIN_SUCCEEDED']), [
    { type: 'LOGIN_SUCCEEDED', reason: 'password' },
    { type: 'LOGIN_SUCCEEDED', reason: 'totp' },
  ], 'the sign-in history names the method')

  // A refresh twenty minutes later keeps the level and the time of the sign-in.
  clock.now += 20 * 60_000
  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: res.json().data.tokens.refreshToken } })
  const after = decodeJwt(refreshed.json().data.tokens.accessToken)
  t.strictSame([after.amr, after.acr, after.auth_time], [claims.amr, claims.acr, claims.auth_time])
})

t.test('a code is accepted once: the same step again is a replay; one step of skew either way', async (t) => {
  const { user, password, secret } = await withTotp()
  const code = totpCode(secret, clock.now)
  t.equal((await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'totp', code })).statusCode, 200)
  assertError(t, await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'totp', code }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  const next = totpCode(secret, clock.now + 30_000)
  t.equal((await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'totp', code: next })).statusCode, 200, 'a phone 30 s ahead')
  clock.now += 90_000
  const stale = totpCode(secret, clock.now - 60_000)
  assertError(t, await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'totp', code: stale }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  t.equal((await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'totp', code: totpCode(secret, clock.now - 30_000) })).statusCode, 200, 'a phone 30 s behind')
})

t.test('a ticket lives five minutes and dies at the fifth wrong code', async (t) => {
  const { user, password, secret } = await withTotp()
  const expiring = await ticketOf(user.username, password)
  clock.now += 301_000
  assertError(t, await verify({ ticket: expiring.ticket, method: 'totp', code: totpCode(secret, clock.now) }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID)

  const { ticket } = await ticketOf(user.username, password)
  for (let i = 0; i < 5; i++) assertError(t, await verify({ ticket, method: 'totp', code: '000000' }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  assertError(t, await verify({ ticket, method: 'totp', code: totpCode(secret, clock.now) }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID)
  t.equal((await eventsOf(app, user.id, ['MFA_FAILED'])).length, 5)
  assertError(t, await verify({ ticket: 'no-such-ticket-at-all-000000000000000000000', method: 'totp', code: '123456' }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID)
})

t.test('recovery codes: each works once, in any case and without dashes', async (t) => {
  const { user, password, recoveryCodes } = await withTotp()
  const [first, second] = recoveryCodes as [string, string]
  const res = await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'recovery_code', code: first })
  t.equal(res.statusCode, 200)
  t.strictSame(decodeJwt(res.json().data.tokens.accessToken).amr, ['pwd', 'otp'])
  assertError(t, await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'recovery_code', code: first }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  const typed = second.replaceAll('-', '').toUpperCase()
  t.equal((await verify({ ticket: (await ticketOf(user.username, password)).ticket, method: 'recovery_code', code: typed })).statusCode, 200)
  t.strictSame(await eventsOf(app, user.id, ['RECOVERY_CODE_USED']), [{ type: 'RECOVERY_CODE_USED', reason: null }, { type: 'RECOVERY_CODE_USED', reason: null }])
})

t.test('wrong codes count toward the account lockout like wrong passwords', async (t) => {
  const lockApp = await buildTestApp(t, { env: { LOGIN_MAX_FAILURES: '3' } })
  const account = await register(lockApp)
  const { secret } = await enrollTotp(lockApp, { token: account.tokens.accessToken })
  const first = await login(lockApp, account.user.username, account.password)
  const ticket = first.json().data.ticket
  const wrong = () => lockApp.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: '000000' } })
  // The right password holds one count until the second step succeeds; two wrong codes make three.
  assertError(t, await wrong(), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  assertError(t, await wrong(), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  const locked = await lockApp.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: totpCode(secret, Date.now() + 30_000) } })
  assertError(t, locked, 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
  t.ok(Number(locked.headers['retry-after']) > 0)
  assertError(t, await login(lockApp, account.user.username, account.password), 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
})
