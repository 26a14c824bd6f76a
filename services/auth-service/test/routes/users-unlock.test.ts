import { randomUUID } from 'node:crypto'
import t from 'tap'
import { login, register } from '../helper.js'
import { envelope, expectInvalid, MAX_FAILURES, staffFixture } from './users-staff-fixture.js'

/** An admin clears an account's sign-in lockout (POST /api/users/:id/unlock), audited. */
const clock = Date.now()
const { app, admin, patient, unlock, eventsOf } = await staffFixture(t, () => clock)

t.test('POST /api/users/:id/unlock clears the account\'s sign-in lockout, audited', async (t) => {
  const locked = await register(app)
  for (let i = 0; i < MAX_FAILURES; i++) expectInvalid(t, await login(app, locked.user.username, `wrong-guess-${i}`))
  t.equal((await login(app, locked.user.email, locked.password)).statusCode, 429, 'locked out, right password included')

  const res = await unlock(locked.user.id)
  t.equal(res.statusCode, 200)
  const { user } = res.json().data
  t.strictSame(res.json(), {
    success: true,
    message: 'Sign-in lockout cleared',
    data: { user: { id: locked.user.id, username: locked.user.username, email: locked.user.email, fullName: user.fullName, role: 'PATIENT', blocked: false, emailVerified: false, locale: 'id', createdAt: user.createdAt, updatedAt: user.updatedAt } },
  })
  t.equal((await login(app, locked.user.username, locked.password)).statusCode, 200, 'signs in again')
  t.strictSame(await eventsOf(locked.user.id, ['LOCKOUT_CLEARED']), [{ type: 'LOCKOUT_CLEARED', actorUserId: admin.user.id, reason: null }])

  const missing = await unlock(randomUUID())
  t.equal(missing.statusCode, 404)
  t.strictSame(missing.json(), envelope(missing, 'NOT_FOUND', 'User not found'))
  const byPatient = await unlock(locked.user.id, patient.tokens.accessToken)
  t.equal(byPatient.statusCode, 403)
})
