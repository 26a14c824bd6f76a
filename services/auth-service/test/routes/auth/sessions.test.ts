import { randomUUID } from 'node:crypto'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { bearer, buildTestApp, login, register, type Registered } from '../../helper.js'

const app = await buildTestApp(t)

interface SessionItem { id: string, current: boolean, userAgent: string | null, ip: string | null }

const list = (token: string) => app.inject({ method: 'GET', url: '/api/auth/sessions', headers: bearer(token) })
const end = (token: string, id: string) => app.inject({ method: 'DELETE', url: `/api/auth/sessions/${id}`, headers: bearer(token) })
const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })

/** A user with two sessions: the registration one and a login from a phone. */
async function twoSessions () {
  const user = await register(app)
  const phone = (await login(app, user.user.username, user.password, { 'user-agent': 'RekamPhone/2.0' })).json().data.tokens
  const items: SessionItem[] = (await list(user.tokens.accessToken)).json().data.items
  const phoneSession = items.find((s) => !s.current)!
  return { user, phone, phoneSession, items }
}

t.test('GET /api/auth/sessions lists the live sessions, exactly one current', async (t) => {
  const user = await register(app)
  await login(app, user.user.username, user.password, { 'user-agent': 'RekamPhone/2.0' })
  await login(app, user.user.email, user.password, { 'user-agent': 'RekamDesktop/1.0' })

  const res = await list(user.tokens.accessToken)
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.success, true)
  const items: SessionItem[] = body.data.items
  t.equal(items.length, 3)
  t.equal(items.filter((s) => s.current).length, 1, 'exactly one current session')
  for (const item of items) {
    t.strictSame(Object.keys(item).sort(), ['createdAt', 'current', 'expiresAt', 'id', 'ip', 'lastUsedAt', 'userAgent'])
    t.match(item, { id: /^[0-9a-f-]{36}$/, createdAt: String, lastUsedAt: String, expiresAt: String, ip: '127.0.0.1' })
  }
  t.strictSame(items.map((s) => s.userAgent).sort(), ['RekamDesktop/1.0', 'RekamPhone/2.0', 'lightMyRequest'])
  t.equal(items.find((s) => s.current)!.userAgent, 'lightMyRequest', 'the registration session made this request')
  t.notMatch(res.body, /token|hash/i, 'no token material in the list')
})

t.test('the current flag follows the access token used', async (t) => {
  const { phone, phoneSession } = await twoSessions()
  const fromPhone: SessionItem[] = (await list(phone.accessToken)).json().data.items
  t.strictSame(fromPhone.filter((s) => s.current).map((s) => s.id), [phoneSession.id])
  t.equal(fromPhone.length, 2)
})

t.test('a user sees only their own sessions', async (t) => {
  const a = await register(app)
  const b = await register(app)
  const aIds = (await list(a.tokens.accessToken)).json().data.items.map((s: SessionItem) => s.id)
  const bIds = (await list(b.tokens.accessToken)).json().data.items.map((s: SessionItem) => s.id)
  t.equal(aIds.length, 1)
  t.equal(bIds.length, 1)
  t.not(aIds[0], bIds[0])
})

t.test('DELETE /api/auth/sessions/:id ends that session only', async (t) => {
  const { user, phone, phoneSession } = await twoSessions()
  const res = await end(user.tokens.accessToken, phoneSession.id)
  t.equal(res.statusCode, 200)
  t.strictSame(res.json(), { success: true, data: null, message: 'Session ended' })

  assertError(t, await refresh(phone.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await me(phone.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')

  const items: SessionItem[] = (await list(user.tokens.accessToken)).json().data.items
  t.strictSame(items.map((s) => s.id), [items.find((s) => s.current)!.id], 'only the current session is left')
  t.equal((await refresh(user.tokens.refreshToken)).statusCode, 200, 'the current session still refreshes')
})

t.test('ending the current session signs this token out too', async (t) => {
  const user = await register(app)
  const [current] = (await list(user.tokens.accessToken)).json().data.items as SessionItem[]
  t.equal((await end(user.tokens.accessToken, current!.id)).statusCode, 200)
  assertError(t, await me(user.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await refresh(user.tokens.refreshToken), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
})

t.test('another user\'s session id is 404 NOT_FOUND and stays live', async (t) => {
  const victim: Registered = await register(app)
  const [victimSession] = (await list(victim.tokens.accessToken)).json().data.items as SessionItem[]
  const attacker = await register(app)

  assertError(t, await end(attacker.tokens.accessToken, victimSession!.id), 404, 'NOT_FOUND', 'Session not found')
  t.equal((await me(victim.tokens.accessToken)).statusCode, 200, 'the victim is still signed in')
  t.equal((await refresh(victim.tokens.refreshToken)).statusCode, 200)
})

t.test('an unknown session id is 404 NOT_FOUND', async (t) => {
  const user = await register(app)
  assertError(t, await end(user.tokens.accessToken, randomUUID()), 404, 'NOT_FOUND', 'Session not found')
})

t.test('a non-uuid id is 400 VALIDATION_ERROR', async (t) => {
  const user = await register(app)
  const res = await end(user.tokens.accessToken, 'not-a-uuid')
  assertInvalid(t, res, 'params.id', 'must match format "uuid"')
})

t.test('an already-ended session is 404 NOT_FOUND', async (t) => {
  const { user, phoneSession } = await twoSessions()
  t.equal((await end(user.tokens.accessToken, phoneSession.id)).statusCode, 200)
  assertError(t, await end(user.tokens.accessToken, phoneSession.id), 404, 'NOT_FOUND', 'Session not found')
})

t.test('a session ended by logout is 404 NOT_FOUND and no longer listed', async (t) => {
  const { user, phone, phoneSession } = await twoSessions()
  const out = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: phone.refreshToken } })
  t.equal(out.statusCode, 200)
  const ids = (await list(user.tokens.accessToken)).json().data.items.map((s: SessionItem) => s.id)
  t.notOk(ids.includes(phoneSession.id))
  assertError(t, await end(user.tokens.accessToken, phoneSession.id), 404, 'NOT_FOUND', 'Session not found')
})

t.test('both routes need a bearer token', async (t) => {
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/sessions' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${randomUUID()}` }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})
