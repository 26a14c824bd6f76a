import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, login, register } from '../../helper.js'
import { enrollTotp, eventsOf, factorRow } from '../../mfa.js'
import { assertionResponse, authenticationOptions, newPasskey, registerPasskey } from '../../passkeys.js'
import type { SoftPasskey } from '@rekam/testing/webauthn'

const CODE_INVALID = 'The code is wrong, expired or already used'
const TICKET_INVALID = 'This sign-in has expired or was already completed; sign in again'
const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now, env: { LOGIN_MAX_FAILURES: '50', RATE_LIMIT_WEBAUTHN_OPTIONS: '1000' } })
const verify = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload })

/** A patient with two passkeys. */
async function withPasskeys () {
  const account = await register(app)
  const passkeys = [newPasskey(), newPasskey()]
  for (const passkey of passkeys) await registerPasskey(app, { token: account.tokens.accessToken }, passkey)
  return { ...account, passkeys }
}

/** The password's ticket and the options of a passkey for it. */
async function secondStep (username: string, password: string) {
  const { ticket } = (await login(app, username, password)).json().data
  const res = await authenticationOptions(app, { ticket })
  t.equal(res.statusCode, 200)
  return { ticket, options: res.json().data }
}

const descriptor = (passkey: SoftPasskey) => ({ id: passkey.credentialId.toString('base64url'), type: 'public-key', transports: ['hybrid', 'internal'] })

t.test('a passkey as the second step: options for the ticket\'s user only, then /mfa/verify signs in at aal2', async (t) => {
  const { user, password, passkeys } = await withPasskeys()
  const [laptop, phone] = passkeys as [SoftPasskey, SoftPasskey]
  const { ticket, options } = await secondStep(user.username, password)
  t.strictSame(options, { rpId: 'localhost', challenge: options.challenge, allowCredentials: [descriptor(laptop), descriptor(phone)], timeout: 300_000, userVerification: 'preferred' })

  const res = await verify({ ticket, method: 'webauthn', response: assertionResponse(phone, options) })
  t.equal(res.statusCode, 200)
  t.strictSame(Object.keys(res.json().data).sort(), ['tokens', 'user'])
  const claims = decodeJwt(res.json().data.tokens.accessToken)
  t.strictSame([claims.amr, claims.acr, claims.auth_time], [['pwd', 'hwk', 'user'], 'urn:rekam:aal2', Math.floor(clock.now / 1000)])
  // Events of one transaction share their time: compared per type.
  t.strictSame(await eventsOf(app, user.id, ['MFA_SUCCEEDED']), [{ type: 'MFA_SUCCEEDED', reason: 'webauthn' }])
  t.strictSame(await eventsOf(app, user.id, ['LOGIN_SUCCEEDED']), [{ type: 'LOGIN_SUCCEEDED', reason: 'password' }, { type: 'LOGIN_SUCCEEDED', reason: 'webauthn' }])
  const list = await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: bearer(res.json().data.tokens.accessToken) })
  t.strictSame(list.json().data.items.map((f: { lastUsedAt: string | null }) => f.lastUsedAt), [null, new Date(clock.now).toISOString()])
})

t.test('replayed, forged, foreign, wrong-origin and rolled-back assertions are refused and count on the ticket', async (t) => {
  const { user, password, passkeys } = await withPasskeys()
  const [laptop] = passkeys as [SoftPasskey]
  const stranger = await withPasskeys()

  const first = await secondStep(user.username, password)
  const used = assertionResponse(laptop, first.options)
  t.equal((await verify({ ticket: first.ticket, method: 'webauthn', response: used })).statusCode, 200)
  t.equal((await factorRow(app, (await app.webauthnRepository.passkeysOf(user.id))[0]!.id))?.signCount, 1)

  const { ticket, options } = await secondStep(user.username, password)
  const refused = [
    ['replayed', used],
    ['forged: another key under the same credential id', assertionResponse({ ...newPasskey(), credentialId: laptop.credentialId }, options)],
    ['another user\'s passkey', assertionResponse(stranger.passkeys[0]!, options)],
    ['another origin', assertionResponse(laptop, options, { origin: 'https://rekam.evil.example' })],
    ['a challenge of its own', assertionResponse(laptop, options, { challenge: 'bm90LW91ci1jaGFsbGVuZ2U' })],
  ] as const
  for (const [why, response] of refused) {
    assertError(t, await verify({ ticket, method: 'webauthn', response }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
    t.pass(why)
  }
  assertError(t, await verify({ ticket, method: 'webauthn', response: assertionResponse(laptop, options) }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID,
  )
  t.equal((await eventsOf(app, user.id, ['MFA_FAILED'])).length, 5)
})

t.test('a counter that does not move forward is refused (a cloned authenticator); a challenge works once', async (t) => {
  const { user, password, passkeys } = await withPasskeys()
  const [laptop] = passkeys as [SoftPasskey]
  const ok = await secondStep(user.username, password)
  t.equal((await verify({ ticket: ok.ticket, method: 'webauthn', response: assertionResponse(laptop, ok.options, { counter: 7 }) })).statusCode, 200)

  for (const counter of [7, 3]) {
    const { ticket, options } = await secondStep(user.username, password)
    assertError(t, await verify({ ticket, method: 'webauthn', response: assertionResponse(laptop, options, { counter }) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  }

  const { ticket, options } = await secondStep(user.username, password)
  const once = assertionResponse(laptop, options, { counter: 8 })
  const other = await secondStep(user.username, password)
  // The first verify spends the challenge even though its ticket is not the one the options were for.
  t.equal((await verify({ ticket: other.ticket, method: 'webauthn', response: once })).statusCode, 200)
  assertError(t, await verify({ ticket, method: 'webauthn', response: assertionResponse(laptop, options, { counter: 9 }) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
})

t.test('authentication options need a live ticket or a bearer, and a passkey', async (t) => {
  assertError(t, await authenticationOptions(app, { ticket: 'no-such-ticket-at-all-000000000000000000000' }), 401, 'MFA_TICKET_INVALID', TICKET_INVALID)
  const res = await app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/authentication/options', payload: {} })
  t.equal(res.statusCode, 401)
  t.equal(res.json().error.code, 'UNAUTHORIZED')

  const totpOnly = await register(app)
  await enrollTotp(app, { token: totpOnly.tokens.accessToken }, clock.now)
  clock.now += 30_000
  const { ticket } = (await login(app, totpOnly.user.username, totpOnly.password)).json().data
  assertError(t, await authenticationOptions(app, { ticket }), 409, 'CONFLICT', 'No passkey is registered for this account')
  assertError(t, await verify({ ticket, method: 'webauthn', response: { id: 'x' } }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
})
