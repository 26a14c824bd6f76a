import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, login, register } from '../../helper.js'
import { eventsOf, factorRow } from '../../mfa.js'
import { newPasskey, registerPasskey, registrationOptions, registrationResponse } from '../../passkeys.js'

const CODE_INVALID = 'The code is wrong, expired or already used'
const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now, env: { RATE_LIMIT_WEBAUTHN_OPTIONS: '1000' } })
const verify = (token: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/registration/verify', headers: bearer(token), payload })

t.test('a patient registers two named passkeys; the first brings the recovery codes; no key material ever leaves', async (t) => {
  const { user, tokens } = await register(app)
  const options = await registrationOptions(app, { token: tokens.accessToken })
  t.strictSame(options, {
    challenge: options.challenge,
    rp: { name: 'rekam', id: 'localhost' },
    user: { id: Buffer.from(user.id.replaceAll('-', ''), 'hex').toString('base64url'), name: user.username, displayName: `Test ${user.username}` },
    pubKeyCredParams: [{ alg: -8, type: 'public-key' }, { alg: -7, type: 'public-key' }, { alg: -257, type: 'public-key' }],
    timeout: 300_000,
    attestation: 'none',
    excludeCredentials: [],
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred', requireResidentKey: false },
    extensions: { credProps: true },
    hints: [],
  })
  t.match(options.challenge, /^[A-Za-z0-9_-]{43}$/)

  const laptop = newPasskey()
  const first = await verify(tokens.accessToken, { response: registrationResponse(laptop, options), name: 'Laptop' })
  t.equal(first.statusCode, 200)
  const { factor, recoveryCodes } = first.json().data
  t.strictSame(first.json(), {
    success: true,
    message: 'Passkey registered',
    data: { factor: { id: factor.id, type: 'webauthn', name: 'Laptop', createdAt: factor.createdAt, lastUsedAt: null }, recoveryCodes },
  })
  t.equal(recoveryCodes.length, 10)

  const second = await registrationOptions(app, { token: tokens.accessToken })
  t.strictSame(second.excludeCredentials, [{ id: laptop.credentialId.toString('base64url'), type: 'public-key', transports: ['hybrid', 'internal'] }])
  const key = newPasskey()
  const added = await verify(tokens.accessToken, { response: registrationResponse(key, second) })
  t.strictSame(Object.keys(added.json().data), ['factor'], 'only the first factor brings recovery codes')
  t.equal(added.json().data.factor.name, 'Passkey')

  const list = await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: bearer(tokens.accessToken) })
  t.strictSame(list.json().data.items.map((f: { name: string, type: string }) => [f.type, f.name]), [['webauthn', 'Laptop'], ['webauthn', 'Passkey']])
  t.notMatch(list.body, laptop.credentialId.toString('base64url'), 'the list shows no credential id or key')
  const row = await factorRow(app, factor.id)
  t.strictSame([row?.credentialId, row?.signCount, row?.backedUp, row?.transports], [laptop.credentialId.toString('base64url'), 0, true, ['hybrid', 'internal']])
  t.strictSame(await eventsOf(app, user.id, ['MFA_FACTOR_ADDED']), [{ type: 'MFA_FACTOR_ADDED', reason: 'webauthn' }, { type: 'MFA_FACTOR_ADDED', reason: 'webauthn' }])

  const next = await login(app, user.username, 'correct-horse-battery')
  t.strictSame(next.json().data.methods, ['webauthn', 'recovery_code'])
})

t.test('a registration challenge works once, for its user, for five minutes, from our origin only', async (t) => {
  const { tokens } = await register(app)
  const other = await register(app)
  const options = await registrationOptions(app, { token: tokens.accessToken })
  const passkey = newPasskey()

  assertError(t, await verify(tokens.accessToken, { response: registrationResponse(passkey, options, { origin: 'https://evil.example' }) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  // The refused attempt spent the challenge.
  assertError(t, await verify(tokens.accessToken, { response: registrationResponse(passkey, options) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)

  const fresh = await registrationOptions(app, { token: tokens.accessToken })
  // Another user cannot spend it.
  assertError(t, await verify(other.tokens.accessToken, { response: registrationResponse(passkey, fresh) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)
  assertError(t, await verify(tokens.accessToken, { response: registrationResponse(passkey, fresh, { rpId: 'evil.example' }) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)

  const late = await registrationOptions(app, { token: tokens.accessToken })
  clock.now += 301_000
  assertError(t, await verify(tokens.accessToken, { response: registrationResponse(passkey, late) }), 403, 'MFA_CODE_INVALID', CODE_INVALID)

  const good = await registerPasskey(app, { token: tokens.accessToken }, passkey)
  t.equal(good.statusCode, 200)
  const again = await registrationOptions(app, { token: tokens.accessToken })
  assertError(t, await verify(tokens.accessToken, { response: registrationResponse(passkey, again) }), 409, 'CONFLICT', 'This passkey is already registered')
  assertError(t, await verify(tokens.accessToken, { response: { id: 'x' } }), 400, 'VALIDATION_ERROR', 'body.response.rawId must have required property \'rawId\'',
    [{ field: 'body.response.rawId', message: 'must have required property \'rawId\'' }])
})

t.test('a DOCTOR enrols a passkey with the enrolment ticket: user verification required, then signed in at aal2', async (t) => {
  const doctor = await register(app)
  await app.usersRepository.update(doctor.user.id, { role: 'DOCTOR' })
  const { ticket } = (await login(app, doctor.user.username, doctor.password)).json().data
  const options = await registrationOptions(app, { ticket })
  t.strictSame(options.authenticatorSelection, { residentKey: 'preferred', userVerification: 'required', requireResidentKey: false })

  const passkey = newPasskey()
  const noUv = await app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/registration/verify', payload: { ticket, response: registrationResponse(passkey, options, { userVerified: false }) } })
  assertError(t, noUv, 403, 'MFA_CODE_INVALID', CODE_INVALID)

  const res = await registerPasskey(app, { ticket }, passkey, { name: 'Clinic key' })
  t.equal(res.statusCode, 200)
  const { factor, recoveryCodes, user, tokens } = res.json().data
  t.strictSame(Object.keys(res.json().data), ['factor', 'recoveryCodes', 'user', 'tokens'])
  t.strictSame([factor.name, recoveryCodes.length, user.id, user.role], ['Clinic key', 10, doctor.user.id, 'DOCTOR'])
  const claims = decodeJwt(tokens.accessToken)
  t.strictSame([claims.amr, claims.acr], [['pwd', 'hwk', 'user'], 'urn:rekam:aal2'])
  // Events of one transaction share their time: compared per type.
  t.strictSame(await eventsOf(app, doctor.user.id, ['MFA_FACTOR_ADDED']), [{ type: 'MFA_FACTOR_ADDED', reason: 'webauthn' }])
  t.strictSame(await eventsOf(app, doctor.user.id, ['LOGIN_SUCCEEDED']), [{ type: 'LOGIN_SUCCEEDED', reason: 'password' }, { type: 'LOGIN_SUCCEEDED', reason: 'webauthn' }])
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/webauthn/registration/options', payload: { ticket } }), 401, 'MFA_TICKET_INVALID',
    'This sign-in has expired or was already completed; sign in again')
})
