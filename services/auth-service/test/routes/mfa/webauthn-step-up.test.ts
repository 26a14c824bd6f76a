import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, register, registerAs } from '../../helper.js'
import { eventsOf } from '../../mfa.js'
import { assertionResponse, authenticationOptions, newPasskey, registerPasskey } from '../../passkeys.js'

const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now, env: { RATE_LIMIT_WEBAUTHN_OPTIONS: '1000' } })

t.test('an admin steps up with a passkey: options by bearer, then /reauthenticate with method webauthn', async (t) => {
  const admin = await registerAs(app, 'ADMIN', clock.now)
  const passkey = newPasskey()
  t.equal((await registerPasskey(app, { token: admin.tokens.accessToken }, passkey, { name: 'YubiKey' })).statusCode, 200)
  const target = await register(app)
  const patch = (token: string) => app.inject({ method: 'PATCH', url: `/api/users/${target.user.id}`, headers: bearer(token), payload: { role: 'DOCTOR' } })

  clock.now += 301_000
  t.equal((await patch(admin.tokens.accessToken)).statusCode, 401)
  const res = await authenticationOptions(app, { token: admin.tokens.accessToken })
  const options = res.json().data
  t.strictSame(options, {
    rpId: 'localhost',
    challenge: options.challenge,
    allowCredentials: [{ id: passkey.credentialId.toString('base64url'), type: 'public-key', transports: ['hybrid', 'internal'] }],
    timeout: 300_000,
    userVerification: 'required',
  })
  const reauthenticate = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(admin.tokens.accessToken), payload })

  const response = assertionResponse(passkey, options)
  const reauth = await reauthenticate({ method: 'webauthn', response })
  t.equal(reauth.statusCode, 200)
  const claims = decodeJwt(reauth.json().data.accessToken)
  t.strictSame([claims.sid, claims.amr, claims.acr, claims.auth_time],
    [decodeJwt(admin.tokens.accessToken).sid, ['hwk', 'user'], 'urn:rekam:aal2', Math.floor(clock.now / 1000)])
  t.equal((await patch(reauth.json().data.accessToken)).statusCode, 200)

  assertError(t, await reauthenticate({ method: 'webauthn', response }), 403, 'MFA_CODE_INVALID', 'The code is wrong, expired or already used')
  const unverified = assertionResponse(passkey, (await authenticationOptions(app, { token: admin.tokens.accessToken })).json().data, { userVerified: false })
  assertError(t, await reauthenticate({ method: 'webauthn', response: unverified }), 403, 'MFA_CODE_INVALID', 'The code is wrong, expired or already used')
  t.strictSame(await eventsOf(app, admin.user.id, ['STEP_UP', 'MFA_FAILED']), [
    { type: 'STEP_UP', reason: 'hwk,user' },
    { type: 'MFA_FAILED', reason: 'webauthn (step-up)' },
    { type: 'MFA_FAILED', reason: 'webauthn (step-up)' },
  ])
})
