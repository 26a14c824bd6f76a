/**
 * A password reset of an account with a second factor needs it (TOTP, recovery code, passkey),
 * against a real SMTP server and PostgreSQL.
 */
import t from 'tap'
import { login, register } from '../helper.js'
import { enrollTotp, freshTotpCode } from '../mfa.js'
import { assertionResponse, newPasskey, registerPasskey } from '../passkeys.js'
import { errorOf, NEW_PASSWORD, passwordResetFixture, RESET } from './password-reset-fixture.js'

t.test('password reset: the second factor', async (t) => {
  const { app, clock, requestReset, confirm, mailedToken, eventsOf } = await passwordResetFixture(t)

  t.test('an account with a second factor needs it: TOTP, a recovery code or a passkey', async (t) => {
    const user = await register(app)
    const enrolled = await enrollTotp(app, { token: user.tokens.accessToken }, clock.now)
    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token } = await mailedToken(user.user.email)

    const without = await confirm({ token, newPassword: NEW_PASSWORD })
    t.equal(without.statusCode, 403)
    t.strictSame(without.json(), errorOf('SECOND_FACTOR_REQUIRED', 'This account has a second factor: confirm with one of its methods', without.headers['x-request-id'], [
      { field: 'body.factor', message: 'totp' },
      { field: 'body.factor', message: 'recovery_code' },
    ]), 'refused without the factor, its methods named')

    const wrong = await confirm({ token, newPassword: NEW_PASSWORD, factor: { type: 'totp', code: '000000' } })
    t.equal(wrong.json().error.code, 'MFA_CODE_INVALID', 'a wrong code is refused')
    const counted = await app.rateLimitsRepository.peek(`login:user:${user.user.id}`, app.config.LOGIN_FAILURE_WINDOW)
    t.equal(counted?.count, 1, 'and counts toward the account lockout')
    t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'nothing changed yet: the old password still signs in')

    // Each code works once: the next one is a step (30 s) later.
    clock.now += 30_000
    const done = await confirm({ token, newPassword: NEW_PASSWORD, factor: { type: 'totp', code: freshTotpCode(enrolled.secret, clock.now) } })
    t.strictSame(done.json(), RESET, 'the token survived the refusals; the right code resets')
    t.equal(await app.rateLimitsRepository.peek(`login:user:${user.user.id}`, app.config.LOGIN_FAILURE_WINDOW), undefined, 'the lockout count is cleared')
    t.strictSame(await eventsOf(user.user.id, ['MFA_FAILED', 'PASSWORD_RESET']), [
      { type: 'MFA_FAILED', reason: 'totp (password reset)', actorUserId: null },
      { type: 'PASSWORD_RESET', reason: 'totp', actorUserId: null },
    ])

    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: byCode } = await mailedToken(user.user.email)
    const recovered = await confirm({ token: byCode, newPassword: 'another quite long phrase', factor: { type: 'recovery_code', code: enrolled.recoveryCodes![0] } })
    t.strictSame(recovered.json(), RESET, 'a recovery code resets')
    t.equal((await app.mfaFactorsRepository.countUnusedRecoveryCodes(user.user.id)), 9, 'and is spent')

    const signedIn = await login(app, user.user.username, 'another quite long phrase')
    const ticket = signedIn.json().data.ticket
    clock.now += 30_000
    const verified = await app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { ticket, method: 'totp', code: freshTotpCode(enrolled.secret, clock.now) } })
    const passkey = newPasskey()
    t.equal((await registerPasskey(app, { token: verified.json().data.tokens.accessToken }, passkey)).statusCode, 200)
    t.equal((await requestReset(user.user.email)).statusCode, 202)
    const { token: byPasskey } = await mailedToken(user.user.email)
    const options = await app.inject({ method: 'POST', url: '/api/auth/password-reset/webauthn-options', payload: { token: byPasskey } })
    t.equal(options.statusCode, 200, 'a link\'s account gets passkey options')
    const response = assertionResponse(passkey, options.json().data)
    t.strictSame((await confirm({ token: byPasskey, newPassword: NEW_PASSWORD, factor: { type: 'webauthn', response } })).json(), RESET, 'a passkey resets')
  })
})
