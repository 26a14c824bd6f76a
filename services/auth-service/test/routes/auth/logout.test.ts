import { randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { refreshTokens, sessions } from '../../../src/db/schema.js'
import { hashRefreshToken } from '../../../src/lib/refresh-token.js'
import { bearer, buildTestApp, login, register, type Registered } from '../../helper.js'

const LOGGED_OUT = { success: true, data: null, message: 'Logged out' }

const app = await buildTestApp(t)

function logout (refreshToken: unknown) {
  return app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken } })
}
function logoutAll (accessToken?: string) {
  return app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: accessToken ? bearer(accessToken) : {} })
}
function refresh (refreshToken: string) {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
}
function me (accessToken: string) {
  return app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(accessToken) })
}
async function secondSession (user: Registered): Promise<Registered['tokens']> {
  const res = await login(app, user.user.username, user.password)
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`)
  return res.json().data.tokens
}
async function sessionRow (accessToken: string) {
  const [row] = await app.db.select().from(sessions).where(eq(sessions.id, String(decodeJwt(accessToken).sid)))
  return row
}

t.test('logout ends that session only', async (t) => {
  const user = await register(app)
  const other = await secondSession(user)

  const res = await logout(user.tokens.refreshToken)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), LOGGED_OUT)

  assertError(t, await refresh(user.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await me(user.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.match(await sessionRow(user.tokens.accessToken), { revokedAt: Date, revokedReason: 'logout' })

  t.equal((await me(other.accessToken)).statusCode, 200, 'the other session of the same user still works')
  t.equal((await refresh(other.refreshToken)).statusCode, 200)
  t.match(await sessionRow(other.accessToken), { revokedAt: null, revokedReason: null })
})

t.test('logout with a rotated successor ends the session too', async (t) => {
  const user = await register(app)
  const next = (await refresh(user.tokens.refreshToken)).json().data.tokens
  t.strictSame((await logout(next.refreshToken)).json(), LOGGED_OUT)
  assertError(t, await refresh(next.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await me(next.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  // A replay of the first token inside the grace interval must not bring the session back.
  assertError(t, await refresh(user.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
})

t.test('logout is idempotent: unknown and already-ended tokens answer 200', async (t) => {
  const unknown = await logout(randomBytes(32).toString('base64url'))
  t.equal(unknown.statusCode, 200)
  t.strictSame(unknown.json(), LOGGED_OUT)

  const user = await register(app)
  t.strictSame((await logout(user.tokens.refreshToken)).json(), LOGGED_OUT)
  const again = await logout(user.tokens.refreshToken)
  t.equal(again.statusCode, 200)
  t.strictSame(again.json(), LOGGED_OUT)
  t.match(await sessionRow(user.tokens.accessToken), { revokedReason: 'logout' }, 'the first reason is kept')
})

t.test('logout validates its body; with neither a body token nor the cookie it is 401', async (t) => {
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/logout', payload: {} }), 401, 'REFRESH_TOKEN_INVALID', 'No refresh token: send refreshToken in the body, or the refresh cookie')
  assertInvalid(t, await logout(42), 'body.refreshToken', 'must be string')
})

t.test('logout-all ends every session of the user and no one else\'s', async (t) => {
  const user = await register(app)
  const second = await secondSession(user)
  const third = await secondSession(user)
  const bystander = await register(app)

  const res = await logoutAll(second.accessToken)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { success: true, data: null, message: 'All sessions ended' })

  for (const tokens of [user.tokens, second, third]) {
    assertError(t, await refresh(tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
    assertError(t, await me(tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
    t.match(await sessionRow(tokens.accessToken), { revokedReason: 'logout_all' })
  }
  assertError(t, await logoutAll(second.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')

  t.equal((await me(bystander.tokens.accessToken)).statusCode, 200, 'another user is untouched')
  t.equal((await refresh(bystander.tokens.refreshToken)).statusCode, 200)

  const fresh = await login(app, user.user.username, user.password)
  t.equal(fresh.statusCode, 200, 'the user can sign in again')
  t.equal((await me(fresh.json().data.tokens.accessToken)).statusCode, 200)
})

t.test('logout-all needs a valid bearer token', async (t) => {
  assertError(t, await logoutAll(), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await logoutAll('not.a.jwt'), 401, 'TOKEN_INVALID', 'The access token is invalid')
  const user = await register(app)
  // A refresh token is not an access token.
  const wrongKind = await app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: bearer(user.tokens.refreshToken) })
  assertError(t, wrongKind, 401, 'TOKEN_INVALID', 'The Authorization header must be "Bearer <access token>"')
  t.equal((await me(user.tokens.accessToken)).statusCode, 200, 'nothing was ended')
})

t.test('a dead refresh token ends nothing: ended session, expired, or rotated before the grace interval', async (t) => {
  const tokenRow = async (refreshToken: string) => {
    const [row] = await app.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)))
    return row!
  }
  const liveSessions = async (userId: string) =>
    (await app.db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))).length
  const anHourAgo = new Date(Date.now() - 3_600_000)

  const cases: Record<string, (user: Registered) => Promise<string>> = {
    'a token of a session ended long ago': async (user) => {
      const old = await secondSession(user)
      t.strictSame((await logout(old.refreshToken)).json(), LOGGED_OUT)
      return old.refreshToken
    },
    'an expired token': async (user) => {
      const old = await secondSession(user)
      await app.db.update(refreshTokens).set({ expiresAt: anHourAgo }).where(eq(refreshTokens.id, (await tokenRow(old.refreshToken)).id))
      return old.refreshToken
    },
    'a token rotated an hour ago': async (user) => {
      const old = await secondSession(user)
      t.equal((await refresh(old.refreshToken)).statusCode, 200)
      await app.db.update(refreshTokens).set({ rotatedAt: anHourAgo }).where(eq(refreshTokens.id, (await tokenRow(old.refreshToken)).id))
      return old.refreshToken
    },
  }
  for (const [name, deadToken] of Object.entries(cases)) {
    const user = await register(app)
    const dead = await deadToken(user)
    const live = await liveSessions(user.user.id)
    for (const scope of ['all', 'others', 'current']) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: dead, scope } })
      t.strictSame({ status: res.statusCode, body: res.json() }, { status: 200, body: LOGGED_OUT }, `${name}, scope ${scope}: the idempotent answer`)
    }
    t.equal(await liveSessions(user.user.id), live, `${name}: every live session is still live`)
    t.equal((await me(user.tokens.accessToken)).statusCode, 200, `${name}: the first session still works`)
  }
})

t.test('a token rotated inside the grace interval still ends the user\'s sessions', async (t) => {
  const user = await register(app)
  const other = await secondSession(user)
  t.equal((await refresh(user.tokens.refreshToken)).statusCode, 200)
  const res = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: user.tokens.refreshToken, scope: 'all' } })
  t.strictSame({ status: res.statusCode, body: res.json() }, { status: 200, body: LOGGED_OUT })
  assertError(t, await me(other.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
})
