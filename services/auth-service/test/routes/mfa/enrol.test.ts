import { assertError } from '@rekam/testing'
import { decodeJwt } from 'jose'
import t from 'tap'
import { bearer, buildTestApp, register } from '../../helper.js'
import { enrollTotp, eventsOf, factorRow, totpCode } from '../../mfa.js'

const UUID = /^[0-9a-f-]{36}$/
const RECOVERY_CODE = /^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/

t.test('a patient enrols a TOTP authenticator: secret once, confirmation by code, recovery codes with the first factor', async (t) => {
  const clock = { now: Date.now() }
  const app = await buildTestApp(t, { now: () => clock.now })
  const { user, tokens } = await register(app)
  const auth = bearer(tokens.accessToken)

  const start = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers: auth, payload: { name: 'Phone' } })
  t.equal(start.statusCode, 201)
  const { factorId, secret, otpauthUri } = start.json().data
  t.match(factorId, UUID)
  t.match(secret, /^[A-Z2-7]{32}$/, '160 bits in base32')
  t.equal(otpauthUri, `otpauth://totp/rekam:${user.username}?issuer=rekam&secret=${secret}&algorithm=SHA1&digits=6&period=30`)

  const row = await factorRow(app, factorId)
  t.notOk(row!.secretSealed!.includes(secret), 'the secret is sealed at rest')
  t.equal(row!.confirmedAt, null, 'inactive until confirmed')
  t.strictSame((await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: auth })).json().data, { items: [], recoveryCodesLeft: 0 }, 'a pending factor is not listed')

  const wrongCode = totpCode(secret, clock.now - 90_000)
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: auth, payload: { factorId, code: wrongCode } }), 403, 'MFA_CODE_INVALID', 'The code is wrong, expired or already used')

  const confirm = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: auth, payload: { factorId, code: totpCode(secret, clock.now) } })
  t.equal(confirm.statusCode, 200)
  const body = confirm.json()
  t.strictSame(Object.keys(body.data).sort(), ['factor', 'recoveryCodes'])
  t.strictSame(body.data.factor, { id: factorId, type: 'totp', name: 'Phone', createdAt: body.data.factor.createdAt, lastUsedAt: body.data.factor.lastUsedAt })
  t.equal(body.data.recoveryCodes.length, 10)
  t.equal(new Set(body.data.recoveryCodes).size, 10, 'all different')
  for (const code of body.data.recoveryCodes) t.match(code, RECOVERY_CODE)
  t.notMatch(confirm.body, secret, 'the secret is never shown again')

  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: auth, payload: { factorId, code: totpCode(secret, clock.now + 30_000) } }), 409, 'CONFLICT', 'This factor is already confirmed')

  const list = await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: auth })
  t.strictSame(list.json().data, { items: [body.data.factor], recoveryCodesLeft: 10 })
  t.notMatch(list.body, secret)

  // A second authenticator brings no new codes: the first set still stands.
  clock.now += 60_000
  const second = await enrollTotp(app, { token: tokens.accessToken }, clock.now)
  t.equal(second.recoveryCodes, undefined)
  t.strictSame((await app.inject({ method: 'GET', url: '/api/auth/mfa/factors', headers: auth })).json().data.items.map((f: { id: string }) => f.id), [factorId, second.factorId])

  t.strictSame(await eventsOf(app, user.id, ['MFA_FACTOR_ADDED']), [{ type: 'MFA_FACTOR_ADDED', reason: 'totp' }, { type: 'MFA_FACTOR_ADDED', reason: 'totp' }])
  t.equal(decodeJwt(tokens.accessToken).acr, 'urn:rekam:aal1', 'enrolling does not raise the session that enrolled')
})

t.test('enrolment needs a bearer or a live enrolment ticket', async (t) => {
  const app = await buildTestApp(t)
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', payload: {} }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', payload: { ticket: 'x'.repeat(43) } }), 401, 'MFA_TICKET_INVALID', 'This sign-in has expired or was already completed; sign in again')
  const { tokens } = await register(app)
  const res = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: bearer(tokens.accessToken), payload: { factorId: '00000000-0000-4000-8000-000000000000', code: '123456' } })
  assertError(t, res, 404, 'NOT_FOUND', 'No such factor')
  const bad = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/confirm', headers: bearer(tokens.accessToken), payload: { factorId: '00000000-0000-4000-8000-000000000000', code: '12345' } })
  t.equal(bad.json().error.code, 'VALIDATION_ERROR')
})
