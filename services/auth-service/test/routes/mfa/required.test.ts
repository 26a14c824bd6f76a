import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, login, register } from '../../helper.js'
import { enrollTotp, totpCode } from '../../mfa.js'

const clock = { now: Date.now() }
const app = await buildTestApp(t, { now: () => clock.now })

/** A registered account given a role directly, as an admin would. */
async function staff (role: 'DOCTOR' | 'ADMIN') {
  const account = await register(app)
  await app.usersRepository.update(account.user.id, { role })
  return account
}

t.test('a DOCTOR without a factor must enrol one at sign-in: an enrolment ticket, then tokens with the recovery codes', async (t) => {
  const doctor = await staff('DOCTOR')
  const first = await login(app, doctor.user.username, doctor.password)
  t.equal(first.statusCode, 200)
  const { ticket } = first.json().data
  t.strictSame(first.json().data, { mfaEnrollmentRequired: true, ticket, methods: ['totp', 'webauthn'], expiresIn: 300 })

  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: '123456' } }), 401, 'MFA_TICKET_INVALID',
    'This sign-in has expired or was already completed; sign in again')
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(ticket) }), 401, 'TOKEN_INVALID', 'The Authorization header must be "Bearer <access token>"',
  )

  const enrolled = await enrollTotp(app, { ticket }, clock.now)
  t.equal(enrolled.recoveryCodes!.length, 10)
  t.equal(enrolled.user!.id, doctor.user.id)
  const claims = decodeJwt(enrolled.tokens!.accessToken)
  t.strictSame([claims.role, claims.amr, claims.acr], ['DOCTOR', ['pwd', 'otp'], 'urn:rekam:aal2'])
  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(enrolled.tokens!.accessToken) })).statusCode, 200)

  // The ticket signed in once; the next sign-in asks for the code.
  clock.now += 30_000
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', payload: { ticket } }), 401, 'MFA_TICKET_INVALID', 'This sign-in has expired or was already completed; sign in again')
  const again = await login(app, doctor.user.username, doctor.password)
  t.strictSame(again.json().data.methods, ['totp', 'recovery_code'])
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket: again.json().data.ticket, method: 'totp', code: totpCode(enrolled.secret, clock.now) } })).statusCode, 200)
})

t.test('a wrong first code with an enrolment ticket counts on the ticket', async (t) => {
  const admin = await staff('ADMIN')
  const { ticket } = (await login(app, admin.user.username, admin.password)).json().data
  const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', payload: { ticket, name: 'Office phone' } })
  const { factorId, secret } = start.json().data
  for (let i = 0; i < 5; i++) {
    assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', payload: { ticket, factorId, code: '000000' } }), 403, 'MFA_CODE_INVALID', 'The code is wrong, expired or already used')
  }
  const late = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', payload: { ticket, factorId, code: totpCode(secret, clock.now) } })
  assertError(t, late, 401, 'MFA_TICKET_INVALID', 'This sign-in has expired or was already completed; sign in again')
})

t.test('the last factor of a role that requires one stays; a patient may remove theirs, and their recovery codes go with it', async (t) => {
  const doctor = await staff('DOCTOR')
  const { ticket } = (await login(app, doctor.user.username, doctor.password)).json().data
  const enrolled = await enrollTotp(app, { ticket }, clock.now)
  const auth = bearer(enrolled.tokens!.accessToken)
  assertError(t, await app.inject({ method: 'DELETE', url: `/api/auth/mfa/factors/${enrolled.factorId}`, headers: auth }), 409, 'CONFLICT',
    'Your role requires a second factor: add another before removing your last one')

  const patient = await register(app)
  const mine = await enrollTotp(app, { token: patient.tokens.accessToken }, clock.now)
  // With a factor, removing one needs a recent aal2 sign-in: a step-up with the next code.
  const stepUp = await app.inject({
    method: 'POST', url: '/api/auth/reauthenticate', headers: bearer(patient.tokens.accessToken), payload: { method: 'totp', code: totpCode(mine.secret, clock.now + 30_000) },
  })
  const patientAuth = bearer(stepUp.json().data.accessToken)
  assertError(t, await app.inject({ method: 'DELETE', url: `/api/auth/mfa/factors/${enrolled.factorId}`, headers: patientAuth }), 404, 'NOT_FOUND', 'No such factor')
  const removed = await app.inject({ method: 'DELETE', url: `/api/auth/mfa/factors/${mine.factorId}`, headers: patientAuth })
  t.strictSame(removed.json(), { success: true, data: null, message: 'Factor removed' })
  t.strictSame((await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: patientAuth })).json().data, { items: [], recoveryCodesLeft: 0 })
  t.ok('tokens' in (await login(app, patient.user.username, patient.password)).json().data, 'a patient without a factor signs in with the password')
})

t.test('MFA_REQUIRED_ROLES empty: staff sign in with the password alone', async (t) => {
  const relaxed = await buildTestApp(t, { env: { MFA_REQUIRED_ROLES: '' } })
  const account = await register(relaxed)
  await relaxed.usersRepository.update(account.user.id, { role: 'ADMIN' })
  const res = await login(relaxed, account.user.username, account.password)
  t.strictSame(Object.keys(res.json().data).sort(), ['tokens', 'user'])
})
