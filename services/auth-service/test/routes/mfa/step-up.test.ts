import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, login, register, registerAs } from '../../helper.js'
import { eventsOf, freshTotpCode } from '../../mfa.js'

const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now })
const TOO_OLD = 'This needs a sign-in within the last 300 seconds: confirm it is you, then try again'
const challenge = (acr: boolean) =>
  `Bearer error="insufficient_user_authentication", error_description="${TOO_OLD}"${acr ? ', acr_values="urn:rekam:aal2"' : ''}, max_age=300`

t.test('an admin\'s role change needs a recent second factor; reauthenticating with a TOTP code gives it on the same session', async (t) => {
  const admin = await registerAs(app, 'ADMIN', clock.now)
  const target = await register(app)
  const patch = (token: string) => app.inject({ method: 'PATCH', url: `/api/users/${target.user.id}`, headers: bearer(token), payload: { role: 'DOCTOR' } })

  clock.now += 301_000
  const refused = await patch(admin.tokens.accessToken)
  assertError(t, refused, 401, 'STEP_UP_REQUIRED', TOO_OLD)
  t.equal(refused.headers['www-authenticate'], challenge(true))

  const reauth = await app.inject({
    method: 'POST',
    url: '/api/auth/reauthenticate',
    headers: bearer(admin.tokens.accessToken),
    payload: { method: 'totp', code: freshTotpCode(admin.totpSecret!, clock.now) },
  })
  t.equal(reauth.statusCode, 200)
  t.strictSame(Object.keys(reauth.json().data).sort(), ['accessToken', 'expiresIn', 'tokenType'])
  const fresh = reauth.json().data.accessToken
  const [before, after] = [decodeJwt(admin.tokens.accessToken), decodeJwt(fresh)]
  t.strictSame([after.sid, after.acr, after.amr, after.auth_time], [before.sid, 'urn:rekam:aal2', ['otp'], Math.floor(clock.now / 1000)])
  t.equal((await patch(fresh)).statusCode, 200)

  // A refresh carries the step-up on: the session took it.
  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: admin.tokens.refreshToken } })
  t.equal(decodeJwt(refreshed.json().data.tokens.accessToken).auth_time, after.auth_time)
  t.strictSame(await eventsOf(app, admin.user.id, ['STEP_UP']), [{ type: 'STEP_UP', reason: 'otp' }])
})

t.test('a password alone does not satisfy a step-up that needs the second factor', async (t) => {
  const admin = await registerAs(app, 'ADMIN', clock.now)
  clock.now += 301_000
  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(admin.tokens.accessToken), payload: { password: admin.password } })
  t.strictSame(decodeJwt(reauth.json().data.accessToken).acr, 'urn:rekam:aal1')
  const res = await app.inject({ method: 'POST', url: '/api/auth/mfa/recovery-codes', headers: bearer(reauth.json().data.accessToken) })
  assertError(t, res, 401, 'STEP_UP_REQUIRED', 'This needs a sign-in with a second factor: confirm it is you, then try again')
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(admin.tokens.accessToken), payload: { method: 'totp', code: '000000' } }),
    403, 'MFA_CODE_INVALID', 'The code is wrong, expired or already used')
  const empty = await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(admin.tokens.accessToken), payload: {} })
  t.equal(empty.json().error.code, 'VALIDATION_ERROR')
})

t.test('a patient without a factor steps up with the password', async (t) => {
  const patient = await register(app)
  clock.now += 301_000
  const refused = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(patient.tokens.accessToken) })
  assertError(t, refused, 401, 'STEP_UP_REQUIRED', TOO_OLD)
  t.equal(refused.headers['www-authenticate'], challenge(false))
  const reauth = await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(patient.tokens.accessToken), payload: { password: patient.password } })
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(reauth.json().data.accessToken) })).statusCode, 200)
})

t.test('ending the other sessions with a refresh token is a step-up too: the session\'s own sign-in decides', async (t) => {
  const patient = await register(app)
  const others = () => app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: patient.tokens.refreshToken, scope: 'others' } })
  clock.now += 301_000
  const refused = await others()
  assertError(t, refused, 401, 'STEP_UP_REQUIRED', TOO_OLD)
  t.equal(refused.headers['www-authenticate'], challenge(false))
  await app.inject({ method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(patient.tokens.accessToken), payload: { password: patient.password } })
  t.strictSame((await others()).json(), { success: true, data: null, message: 'Logged out' })
})

t.test('an admin resets a doctor\'s factors: the doctor enrols again at the next sign-in', async (t) => {
  const admin = await registerAs(app, 'ADMIN', clock.now)
  const doctor = await registerAs(app, 'DOCTOR', clock.now)
  const reset = await app.inject({ method: 'POST', url: `/api/users/${doctor.user.id}/mfa-reset`, headers: bearer(admin.tokens.accessToken) })
  t.strictSame(reset.json(), { success: true, data: { removed: 1 }, message: 'Second factors reset' })
  t.strictSame(await eventsOf(app, doctor.user.id, ['MFA_FACTORS_RESET']), [{ type: 'MFA_FACTORS_RESET', reason: '1 factor(s)' }])
  t.equal((await login(app, doctor.user.username, doctor.password)).json().data.mfaEnrollmentRequired, true)
  assertError(t, await app.inject({ method: 'POST', url: `/api/users/${doctor.user.id}/mfa-reset`, headers: bearer(doctor.tokens.accessToken) }), 403, 'FORBIDDEN', 'You do not have permission to do this')
})
