import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { buildTestApp, register } from '../../helper.js'
import { eventsOf } from '../../mfa.js'
import { assertionResponse, newPasskey, passkeyOptions, passkeySignIn, registerPasskey } from '../../passkeys.js'

const INVALID = 'Invalid username, email or password'
const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now, env: { RATE_LIMIT_WEBAUTHN_OPTIONS: '1000' } })
const verify = (response: unknown) => app.inject({ method: 'POST', url: '/api/auth/passkey/verify', payload: { response } })

async function withPasskey (target = app) {
  const account = await register(target)
  const passkey = newPasskey()
  const res = await registerPasskey(target, { token: account.tokens.accessToken }, passkey)
  if (res.statusCode !== 200) throw new Error(res.body)
  return { ...account, passkey }
}

t.test('a passkey alone signs in: no name, no password; amr hwk+user at aal2', async (t) => {
  const { user, passkey } = await withPasskey()
  const options = await passkeyOptions(app)
  t.strictSame(options, { rpId: 'localhost', challenge: options.challenge, allowCredentials: [], timeout: 300_000, userVerification: 'required' })

  clock.now += 60_000
  const res = await verify(assertionResponse(passkey, options))
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { success: true, data: { user, tokens: res.json().data.tokens } })
  t.strictSame(Object.keys(res.json().data.tokens).sort(), ['accessToken', 'expiresIn', 'refreshExpiresIn', 'refreshToken', 'tokenType'])
  const claims = decodeJwt(res.json().data.tokens.accessToken)
  t.strictSame([claims.sub, claims.amr, claims.acr, claims.auth_time], [user.id, ['hwk', 'user'], 'urn:rekam:aal2', Math.floor(clock.now / 1000)])
  t.strictSame(await eventsOf(app, user.id, ['LOGIN_SUCCEEDED', 'LOGIN_FAILED']), [
    { type: 'LOGIN_SUCCEEDED', reason: 'password' },
    { type: 'LOGIN_SUCCEEDED', reason: 'passkey' },
  ], 'registration signed in with the password; this sign-in names the passkey')

  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: res.json().data.tokens.refreshToken } })
  t.strictSame(decodeJwt(refreshed.json().data.tokens.accessToken).amr, ['hwk', 'user'])
})

t.test('unknown, unverified, replayed, wrong-origin and wrong-RP assertions all answer 401 INVALID_CREDENTIALS', async (t) => {
  const { user, passkey } = await withPasskey()
  const used = assertionResponse(passkey, await passkeyOptions(app))
  t.equal((await verify(used)).statusCode, 200)

  const refused = [
    ['replayed', used],
    ['unknown passkey', assertionResponse(newPasskey(), await passkeyOptions(app))],
    ['no user verification', assertionResponse(passkey, await passkeyOptions(app), { userVerified: false })],
    ['another origin', assertionResponse(passkey, await passkeyOptions(app), { origin: 'https://rekam.evil.example' })],
    ['another RP ID', assertionResponse(passkey, await passkeyOptions(app), { rpId: 'evil.example' })],
    ['a counter gone back', assertionResponse(passkey, await passkeyOptions(app), { counter: 1 })],
  ] as const
  for (const [why, response] of refused) {
    assertError(t, await verify(response), 401, 'INVALID_CREDENTIALS', INVALID)
    t.pass(why)
  }
  t.equal((await eventsOf(app, user.id, ['LOGIN_FAILED'])).length, 5, 'each failure with a known passkey is on the account')
  assertError(t, await verify({ id: 'x' }), 400, 'VALIDATION_ERROR', 'body.response.rawId must have required property \'rawId\'',
    [{ field: 'body.response.rawId', message: 'must have required property \'rawId\'' }])
})

t.test('a blocked account answers 403 ACCOUNT_BLOCKED to its valid passkey', async (t) => {
  const { user, passkey } = await withPasskey()
  await app.usersRepository.update(user.id, { blocked: true })
  assertError(t, await passkeySignIn(app, passkey), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')
  assertError(t, await passkeySignIn(app, newPasskey()), 401, 'INVALID_CREDENTIALS', INVALID)
})

t.test('failures count like wrong passwords: past LOGIN_MAX_FAILURES the account waits, even with the right passkey', async (t) => {
  const strict = await buildTestApp(t, { now: () => clock.now, env: { LOGIN_MAX_FAILURES: '3', RATE_LIMIT_WEBAUTHN_OPTIONS: '1000' } })
  const { passkey } = await withPasskey(strict)
  for (let i = 0; i < 3; i++) {
    assertError(t, await passkeySignIn(strict, passkey, { userVerified: false }), 401, 'INVALID_CREDENTIALS', INVALID)
  }
  const locked = await passkeySignIn(strict, passkey)
  t.equal(locked.statusCode, 429)
  t.equal(locked.json().error.code, 'TOO_MANY_REQUESTS')
  t.ok(Number(locked.headers['retry-after']) > 0)
})

t.test('an authenticator without a counter (always 0, as synced passkeys report) signs in again and again', async (t) => {
  const { passkey } = await withPasskey()
  for (let i = 0; i < 2; i++) t.equal((await passkeySignIn(app, passkey, { counter: 0 })).statusCode, 200)
})
