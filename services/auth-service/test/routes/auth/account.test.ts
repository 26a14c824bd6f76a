import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { bearer, buildTestApp, login, register } from '../../helper.js'

// POST /api/auth/change-password: change-password.test.ts.
const app = await buildTestApp(t)

const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/auth/me', headers })
const putProfile = (token: string, payload: unknown) =>
  app.inject({ method: 'PUT', url: '/api/auth/profile', headers: bearer(token), payload: payload as object })
const refresh = (refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

t.test('GET /api/auth/me', async (t) => {
  t.test('answers the signed-in user in the documented shape, without a hash', async (t) => {
    const alice = await register(app, { fullName: 'Alice Example' })
    const res = await me(bearer(alice.tokens.accessToken))
    t.equal(res.statusCode, 200)
    const body = res.json()
    t.strictSame(Object.keys(body).sort(), ['data', 'success'])
    t.strictSame(Object.keys(body.data).sort(), ['pendingEmail', 'user'])
    t.equal(body.data.pendingEmail, null, 'no email change pending')
    t.strictSame(Object.keys(body.data.user).sort(), ['blocked', 'createdAt', 'email', 'emailVerified', 'fullName', 'id', 'locale', 'role', 'updatedAt', 'username'])
    t.strictSame(body.data.user, {
      id: alice.user.id,
      username: alice.user.username,
      email: alice.user.email,
      fullName: 'Alice Example',
      role: 'PATIENT',
      blocked: false,
      emailVerified: false,
      locale: 'id',
      createdAt: body.data.user.createdAt,
      updatedAt: body.data.user.updatedAt,
    })
    t.match(body.data.user.createdAt, ISO)
    t.match(body.data.user.updatedAt, ISO)
    t.notMatch(res.body, /passwordHash|password_hash|\$2[aby]\$/)
  })

  t.test('no Authorization header is 401 UNAUTHORIZED', async (t) => {
    assertError(t, await me({}), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  })

  t.test('malformed or wrong Authorization is 401 TOKEN_INVALID', async (t) => {
    const bob = await register(app)
    const headers = ['Bearer', 'Bearer ', 'Basic x', 'Bearer a.b.c', `Bearer ${bob.tokens.refreshToken}`, `Bearer ${bob.tokens.accessToken}.extra`]
    for (const authorization of headers) {
      const res = await me({ authorization })
      t.equal(res.statusCode, 401, authorization)
      t.equal(res.json().error.code, 'TOKEN_INVALID', authorization)
    }
    assertError(t, await me({ authorization: 'Bearer a.b.c' }), 401, 'TOKEN_INVALID', 'The access token is invalid')
  })

  t.test('a tampered access token is 401 TOKEN_INVALID', async (t) => {
    const carol = await register(app)
    const [header, payload, signature] = carol.tokens.accessToken.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')
    assertError(t, await me(bearer(`${header}.${forged}.${signature}`)), 401, 'TOKEN_INVALID', 'The access token is invalid')
  })

  t.test('after logout-all every access token of the user is 401 TOKEN_REVOKED', async (t) => {
    const dave = await register(app)
    const second = (await login(app, dave.user.username, dave.password)).json().data.tokens
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(dave.tokens.accessToken) })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), { success: true, data: null, message: 'All sessions ended' })

    assertError(t, await me(bearer(dave.tokens.accessToken)), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
    assertError(t, await me(bearer(second.accessToken)), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
    assertError(t, await refresh(second.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
    // Signing in again opens a fresh, working session.
    const again = (await login(app, dave.user.username, dave.password)).json().data.tokens
    t.equal((await me(bearer(again.accessToken))).statusCode, 200)
  })
})

t.test('PUT /api/auth/profile', async (t) => {
  t.test('changes the full name', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { fullName: 'Renamed Person' })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { success: true, message: 'Profile updated', data: { user: { id: user.user.id, fullName: 'Renamed Person', email: user.user.email } } })
    t.notMatch(res.body, /passwordHash|\$2[aby]\$/)
    t.equal((await me(bearer(user.tokens.accessToken))).json().data.user.fullName, 'Renamed Person')
  })

  t.test('clears the full name with null', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { fullName: null })
    t.equal(res.statusCode, 200)
    t.equal(res.json().data.user.fullName, null)
    t.equal((await me(bearer(user.tokens.accessToken))).json().data.user.fullName, null)
  })

  t.test('the same email in another case is no change and needs no password', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { email: user.user.email.toUpperCase() })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { success: true, message: 'Profile updated', data: { user: { email: user.user.email }, pendingEmail: null } })
  })

  // The email change itself (by a link mailed to the new address): email-change.test.ts, with a mail server.
  t.test('a new email without mail configured is 503 MAIL_UNAVAILABLE, and nothing changes', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { email: 'no.mail@example.test', currentPassword: user.password, fullName: 'Not Renamed' })
    assertError(t, res, 503, 'MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator')
    const after = (await me(bearer(user.tokens.accessToken))).json().data
    t.strictSame({ email: after.user.email, pendingEmail: after.pendingEmail, fullName: after.user.fullName }, { email: user.user.email, pendingEmail: null, fullName: `Test ${user.user.username}` })
  })

  t.test('an empty body is 400 VALIDATION_ERROR', async (t) => {
    const user = await register(app)
    assertInvalid(t, await putProfile(user.tokens.accessToken, {}), 'body', 'must NOT have fewer than 1 properties')
  })

  t.test('an unknown property is 400 VALIDATION_ERROR naming it', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { fullName: 'X', role: 'ADMIN' })
    assertInvalid(t, res, 'body.role', "unknown property 'role'")
    t.strictSame(res.json().error.details, [{ field: 'body.role', message: "unknown property 'role'" }])
    t.equal((await me(bearer(user.tokens.accessToken))).json().data.user.role, 'PATIENT')
  })

  t.test('an invalid email is 400 VALIDATION_ERROR', async (t) => {
    const user = await register(app)
    const res = await putProfile(user.tokens.accessToken, { email: 'not-an-email', currentPassword: user.password })
    assertInvalid(t, res, 'body.email', 'must match format "email"')
  })

  t.test('needs a bearer token', async (t) => {
    const res = await app.inject({ method: 'PUT', url: '/api/auth/profile', payload: { fullName: 'X' } })
    assertError(t, res, 401, 'UNAUTHORIZED', 'A bearer access token is required')
  })
})
