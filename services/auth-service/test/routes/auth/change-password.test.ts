import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { bearer, buildTestApp, login, register } from '../../helper.js'

const app = await buildTestApp(t)

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/auth/me', headers })
const changePassword = (token: string, payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(token), payload: payload as object })
const refresh = (refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })

t.test('POST /api/auth/change-password', async (t) => {
  t.test('the wrong current password is 403 CURRENT_PASSWORD_INCORRECT (not 401: the caller stays signed in) and changes nothing', async (t) => {
    const user = await register(app)
    const res = await changePassword(user.tokens.accessToken, { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' })
    assertError(t, res, 403, 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect')
    t.equal((await me(bearer(user.tokens.accessToken))).statusCode, 200, 'the session is untouched')
    t.equal((await login(app, user.user.username, user.password)).statusCode, 200)
  })

  t.test('a too short new password is 400 VALIDATION_ERROR', async (t) => {
    const user = await register(app)
    const res = await changePassword(user.tokens.accessToken, { currentPassword: user.password, newPassword: 'short' })
    assertInvalid(t, res, 'body.newPassword', 'must NOT have fewer than 8 characters')
  })

  t.test('a new password over 72 characters is 400 VALIDATION_ERROR', async (t) => {
    const user = await register(app)
    const res = await changePassword(user.tokens.accessToken, { currentPassword: user.password, newPassword: 'a'.repeat(73) })
    assertInvalid(t, res, 'body.newPassword', 'must NOT have more than 72 characters')
  })

  t.test('a new password of 72 characters but 73 UTF-8 bytes is 400 VALIDATION_ERROR', async (t) => {
    const user = await register(app)
    const newPassword = 'é' + 'a'.repeat(71)
    t.equal(newPassword.length, 72)
    t.equal(Buffer.byteLength(newPassword), 73)
    const res = await changePassword(user.tokens.accessToken, { currentPassword: user.password, newPassword })
    assertError(t, res, 400, 'VALIDATION_ERROR', 'body.newPassword must be at most 72 bytes', [{ field: 'body.newPassword', message: 'must be at most 72 bytes in UTF-8' }])
    t.strictSame(res.json().error.details, [{ field: 'body.newPassword', message: 'must be at most 72 bytes in UTF-8' }])
    t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'old password still works')
  })

  t.test('a 72-byte new password is accepted', async (t) => {
    const user = await register(app)
    // 60 repeated bytes plus a random tail: 72 bytes, and not guessable.
    const newPassword = 'b'.repeat(60) + 'xK9#mQ2$pL7!'
    t.equal((await changePassword(user.tokens.accessToken, { currentPassword: user.password, newPassword })).statusCode, 200)
    t.equal((await login(app, user.user.username, newPassword)).statusCode, 200)
  })

  t.test('success ends every other session and keeps the current one', async (t) => {
    const user = await register(app)
    const other = (await login(app, user.user.username, user.password)).json().data.tokens
    const newPassword = 'another-long-password'

    const res = await changePassword(user.tokens.accessToken, { currentPassword: user.password, newPassword })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), { success: true, data: null, message: 'Password changed; other sessions were signed out' })

    // The other session is gone: its access token and its refresh token.
    assertError(t, await me(bearer(other.accessToken)), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
    assertError(t, await refresh(other.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')

    // The session that changed the password keeps working, refresh included.
    t.equal((await me(bearer(user.tokens.accessToken))).statusCode, 200)
    const rotated = await refresh(user.tokens.refreshToken)
    t.equal(rotated.statusCode, 200)
    t.equal((await me(bearer(rotated.json().data.tokens.accessToken))).statusCode, 200)

    // Only the new password signs in.
    assertError(t, await login(app, user.user.username, user.password), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
    const fresh = await login(app, user.user.username, newPassword)
    t.equal(fresh.statusCode, 200)
    t.equal(fresh.json().data.user.id, user.user.id)
  })

  t.test('needs a bearer token', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'x', newPassword: 'yyyyyyyy' } })
    assertError(t, res, 401, 'UNAUTHORIZED', 'A bearer access token is required')
  })
})
