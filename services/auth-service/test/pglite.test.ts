import t from 'tap'
import { assertError } from '@rekam/testing'
import { bearer, buildTestApp, login, register, registerAs } from './helper.js'

// The embedded database a fresh machine runs on: same schema, same migrations, same answers.
const app = await buildTestApp(t, { database: 'pglite' })

t.test('runs on PGlite', async (t) => {
  t.equal(app.database.kind, 'pglite')
  const ready = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.strictSame(ready.json(), { success: true, data: { status: 'ready' } })
})

t.test('register → login → me → refresh → logout', async (t) => {
  const user = await register(app, { fullName: 'Embedded Person' })
  t.match(user.user, { role: 'PATIENT' })

  const signedIn = await login(app, user.user.email, user.password)
  t.equal(signedIn.statusCode, 200)
  const tokens = signedIn.json().data.tokens
  t.match(tokens, { tokenType: 'Bearer', expiresIn: 900, accessToken: String, refreshToken: String })

  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(tokens.accessToken) })
  t.equal(me.statusCode, 200)
  t.strictSame(me.json().data.user, {
    id: user.user.id,
    username: user.user.username,
    email: user.user.email,
    fullName: 'Embedded Person',
    role: 'PATIENT',
    blocked: false,
    emailVerified: false,
    locale: 'id',
    createdAt: me.json().data.user.createdAt,
    updatedAt: me.json().data.user.updatedAt,
  })
  t.equal(me.json().data.pendingEmail, null, 'no email change pending')

  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })
  t.equal(refreshed.statusCode, 200)
  const next = refreshed.json().data.tokens
  t.not(next.refreshToken, tokens.refreshToken, 'the refresh token rotates')
  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(next.accessToken) })).statusCode, 200)

  const sessions = await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: bearer(next.accessToken) })
  t.equal(sessions.json().data.items.length, 2)
  t.equal(sessions.json().data.items.filter((s: { current: boolean }) => s.current).length, 1)

  const out = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: next.refreshToken } })
  t.equal(out.statusCode, 200)
  t.strictSame(out.json(), { success: true, data: null, message: 'Logged out' })
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: next.refreshToken } }), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(next.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(user.tokens.accessToken) })).statusCode, 200, 'the other session lives on')
})

t.test('a duplicate is 409 CONFLICT on PGlite too', async (t) => {
  const user = await register(app)
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { username: user.user.username.toUpperCase(), email: `other.${user.user.email}`, password: 'long-enough-pw' },
  })
  assertError(t, res, 409, 'CONFLICT', 'A user with that username or email already exists')
})

t.test('change-password ends the other sessions (a transaction on PGlite)', async (t) => {
  const user = await register(app)
  const other = (await login(app, user.user.username, user.password)).json().data.tokens
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: bearer(user.tokens.accessToken),
    payload: { currentPassword: user.password, newPassword: 'embedded-new-password' },
  })
  t.equal(res.statusCode, 200)
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(other.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.equal((await login(app, user.user.username, 'embedded-new-password')).statusCode, 200)
})

t.test('admin list, search and block', async (t) => {
  const admin = await registerAs(app, 'ADMIN')
  const target = await register(app, { fullName: 'Findable 100% Person' })

  const list = await app.inject({ method: 'GET', url: '/api/users?limit=2', headers: bearer(admin.tokens.accessToken) })
  t.equal(list.statusCode, 200)
  t.match(list.json(), { success: true, data: { page: 1, limit: 2 } })
  t.equal(list.json().data.items.length, 2)
  t.ok(list.json().data.total >= 5)
  t.notMatch(list.body, /\$2[aby]\$|passwordHash/)

  const search = await app.inject({ method: 'GET', url: `/api/users?search=${encodeURIComponent('FINDABLE 100%')}`, headers: bearer(admin.tokens.accessToken) })
  t.strictSame(search.json().data.items.map((u: { id: string }) => u.id), [target.user.id])

  const blocked = await app.inject({ method: 'PATCH', url: `/api/users/${target.user.id}`, headers: bearer(admin.tokens.accessToken), payload: { blocked: true } })
  t.equal(blocked.statusCode, 200)
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(target.tokens.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await login(app, target.user.username, target.password), 403, 'ACCOUNT_BLOCKED', 'This account is blocked')

  assertError(t, await app.inject({ method: 'GET', url: '/api/users', headers: bearer(target.tokens.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  const patient = await register(app)
  assertError(t, await app.inject({ method: 'GET', url: '/api/users', headers: bearer(patient.tokens.accessToken) }), 403, 'FORBIDDEN', 'You do not have permission to do this')
})
