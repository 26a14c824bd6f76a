/**
 * The mailed password-reset link against a real SMTP server and PostgreSQL: it works once,
 * expires, is voided by a newer link or a password change, ends every session and mails a
 * notice; an admin's link.
 */
import t from 'tap'
import { newSetPasswordToken } from '../../src/services/set-password-links.js'
import { bearer, login, register, registerAs } from '../helper.js'
import { errorOf, NEW_PASSWORD, passwordResetFixture, RESET } from './password-reset-fixture.js'

t.test('password reset: the link', async (t) => {
  const { app, mail, clock, logs, requestReset, confirm, mailedToken, eventsOf } = await passwordResetFixture(t)

  t.test('the mailed link resets the password once, ends every session and mails a notice', async (t) => {
    const user = await register(app)
    const second = await login(app, user.user.username, user.password)
    const res = await requestReset(user.user.email.toUpperCase())
    t.equal(res.statusCode, 202)
    const { token, mail: received } = await mailedToken(user.user.email)
    t.match(received.subject, /kata sandi/i, 'in the account\'s language (Indonesian by default)')
    t.ok(received.text.includes(`http://localhost:3000/reset-password#token=${token}`), 'the link opens the portal\'s reset page, the token in the fragment')
    t.strictSame(await eventsOf(user.user.id, ['PASSWORD_RESET_REQUESTED']), [{ type: 'PASSWORD_RESET_REQUESTED', reason: 'self', actorUserId: null }])

    const weak = await confirm({ token, newPassword: 'password123' })
    t.equal(weak.statusCode, 400, 'a weak password is refused')
    t.equal(weak.json().error.code, 'VALIDATION_ERROR')

    const done = await confirm({ token, newPassword: NEW_PASSWORD })
    t.equal(done.statusCode, 200, 'the link still works after the refusal')
    t.strictSame(done.json(), RESET)

    const again = await confirm({ token, newPassword: 'another quite long phrase' })
    t.strictSame(again.json(), errorOf('EMAIL_TOKEN_INVALID', 'This link is invalid, expired or already used; ask for a new one', again.headers['x-request-id']), 'a link works once')
    t.equal(again.statusCode, 400)

    for (const refreshToken of [user.tokens.refreshToken, second.json().data.tokens.refreshToken]) {
      const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
      t.equal(refreshed.statusCode, 401, 'every session ended')
    }
    t.equal((await login(app, user.user.username, user.password)).statusCode, 401, 'the old password no longer signs in')
    t.equal((await login(app, user.user.username, NEW_PASSWORD)).statusCode, 200, 'the new one does')
    t.strictSame(await eventsOf(user.user.id, ['PASSWORD_RESET']), [{ type: 'PASSWORD_RESET', reason: null, actorUserId: null }], 'the reset is recorded')
    t.strictSame(await eventsOf(user.user.id, ['EMAIL_VERIFIED']), [{ type: 'EMAIL_VERIFIED', reason: 'password_reset', actorUserId: null }], 'the link verified the address too')
    const notice = await mail.next((m) => m.to.includes(user.user.email) && !m.text.includes('#token='))
    t.match(notice.subject, /diatur ulang/, 'a notice of the reset is mailed')
    t.notOk(logs.entries.some((entry) => JSON.stringify(entry).includes(token)), 'the token is in no log line')
  })

  t.test('a link expires after 30 minutes; a newer link voids the older', async (t) => {
    const user = await register(app)
    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: expired } = await mailedToken(user.user.email)
    clock.now += 30 * 60_000 + 1000
    t.equal((await confirm({ token: expired, newPassword: NEW_PASSWORD })).json().error.code, 'EMAIL_TOKEN_INVALID', 'expired after 30 minutes')

    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: older } = await mailedToken(user.user.email)
    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: newer } = await mailedToken(user.user.email)
    t.equal((await confirm({ token: older, newPassword: NEW_PASSWORD })).json().error.code, 'EMAIL_TOKEN_INVALID', 'the older link is void')
    clock.now += 29 * 60_000
    t.equal((await confirm({ token: newer, newPassword: NEW_PASSWORD })).statusCode, 200, 'the newer one works within its 30 minutes')
  })

  t.test('a password change or a set-password link voids an outstanding reset link', async (t) => {
    const user = await register(app)
    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token } = await mailedToken(user.user.email)
    const changed = await app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(user.tokens.accessToken), payload: { currentPassword: user.password, newPassword: NEW_PASSWORD } })
    t.equal(changed.statusCode, 200)
    t.equal((await confirm({ token, newPassword: 'another quite long phrase' })).json().error.code, 'EMAIL_TOKEN_INVALID', 'void after change-password')

    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: second } = await mailedToken(user.user.email)
    const link = newSetPasswordToken()
    await app.setPasswordTokensRepository.create({ userId: user.user.id, tokenHash: link.tokenHash, expiresAt: new Date(clock.now + 3_600_000), createdBy: null })
    t.equal((await app.inject({ method: 'POST', url: '/api/auth/set-password', payload: { token: link.token, password: 'yet another long phrase' } })).statusCode, 200)
    t.equal((await confirm({ token: second, newPassword: 'another quite long phrase' })).json().error.code, 'EMAIL_TOKEN_INVALID', 'void after set-password')
  })

  t.test('an admin mails a user a reset link, never seeing it', async (t) => {
    const admin = await registerAs(app, 'ADMIN', clock.now)
    const user = await register(app)
    const res = await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/password-reset`, headers: bearer(admin.tokens.accessToken) })
    t.equal(res.statusCode, 202)
    t.strictSame(res.json(), { success: true, data: null, message: 'Password reset link sent to the user\'s email address' }, 'the answer holds no link')
    const { token, mail: received } = await mailedToken(user.user.email)
    t.match(received.text, /Administrator klinik/, 'the mail says an administrator sent it')
    t.strictSame(await eventsOf(user.user.id, ['PASSWORD_RESET_REQUESTED']), [{ type: 'PASSWORD_RESET_REQUESTED', reason: 'admin', actorUserId: admin.user.id }], 'audited with the admin as actor')
    t.strictSame((await confirm({ token, newPassword: NEW_PASSWORD })).json(), RESET, 'the link works')

    const patient = await register(app)
    const byPatient = await app.inject({ method: 'POST', url: `/api/users/${admin.user.id}/password-reset`, headers: bearer(patient.tokens.accessToken) })
    t.equal(byPatient.statusCode, 403, 'only an admin sends one')
    const blocked = await register(app)
    await app.usersRepository.update(blocked.user.id, { blocked: true })
    const refused = await app.inject({ method: 'POST', url: `/api/users/${blocked.user.id}/password-reset`, headers: bearer(admin.tokens.accessToken) })
    t.equal(refused.statusCode, 409, 'a blocked account gets no link')
  })
})
