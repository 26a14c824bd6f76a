import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { bearer, buildTestApp, login, register, registerAs } from '../../helper.js'
import type { AuthApp } from '../../../src/app.js'
import { SECURITY_EVENT_TYPES } from '../../../src/schemas/security-event.js'

interface Event { type: string, userId: string | null, actorUserId: string | null, sessionId: string | null, reason: string | null, ip: string | null, userAgent: string | null, requestId: string | null }

async function eventsOf (app: AuthApp, adminToken: string, query: string): Promise<Event[]> {
  const res = await app.inject({ method: 'GET', url: `/api/auth/events?limit=100&${query}`, headers: bearer(adminToken) })
  if (res.statusCode !== 200) throw new Error(res.body)
  return res.json().data.items
}

t.test('security events', async (t) => {
  const app = await buildTestApp(t, { env: { REFRESH_GRACE_SECONDS: '0' } })
  const admin = await registerAs(app, 'ADMIN')

  t.test('sign-ins, successful and failed, with user, IP, user agent and request id', async (t) => {
    const user = await register(app)
    const ok = await login(app, user.user.username, user.password, { 'user-agent': 'rekam-test/1', 'x-request-id': 'events-ok-1' })
    t.equal(ok.statusCode, 200)
    const bad = await login(app, user.user.username, 'wrong-password-here', { 'x-request-id': 'events-bad-1' })
    t.equal(bad.statusCode, 401)
    const unknown = await login(app, 'nobody-by-this-name', 'whatever-password', { 'x-request-id': 'events-unknown-1' })
    t.equal(unknown.statusCode, 401)

    const mine = await eventsOf(app, admin.tokens.accessToken, `userId=${user.user.id}`)
    t.match(mine.find((e) => e.requestId === 'events-ok-1'), { type: 'LOGIN_SUCCEEDED', userId: user.user.id, ip: '127.0.0.1', userAgent: 'rekam-test/1', sessionId: String })
    t.match(mine.find((e) => e.requestId === 'events-bad-1'), { type: 'LOGIN_FAILED', userId: user.user.id, reason: 'wrong_password' })
    t.ok(mine.some((e) => e.type === 'USER_REGISTERED'), 'registration recorded')
    const failed = await eventsOf(app, admin.tokens.accessToken, 'type=LOGIN_FAILED')
    t.match(failed.find((e) => e.requestId === 'events-unknown-1'), { type: 'LOGIN_FAILED', userId: null, reason: 'unknown_user' })
    t.ok(failed.every((e) => e.type === 'LOGIN_FAILED'), 'type filter applies')
  })

  t.test('refresh reuse, password change, role change, block and unblock', async (t) => {
    const user = await register(app)
    const first = user.tokens.refreshToken
    const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first } })
    t.equal(refreshed.statusCode, 200)
    const reuse = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first } })
    assertError(t, reuse, 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')

    const second = await login(app, user.user.username, user.password)
    await login(app, user.user.username, user.password) // another device, ended by the password change
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: bearer(second.json().data.tokens.accessToken),
      payload: { currentPassword: user.password, newPassword: 'an-entirely-new-passphrase' },
    })
    t.equal(changed.statusCode, 200)

    for (const body of [{ role: 'DOCTOR' }, { blocked: true }, { blocked: false }]) {
      const res = await app.inject({ method: 'PATCH', url: `/api/users/${user.user.id}`, headers: bearer(admin.tokens.accessToken), payload: body })
      t.equal(res.statusCode, 200, res.body)
    }

    const events = await eventsOf(app, admin.tokens.accessToken, `userId=${user.user.id}`)
    const types = events.map((e) => e.type)
    for (const type of ['REFRESH_REUSE_DETECTED', 'PASSWORD_CHANGED', 'ROLE_CHANGED', 'USER_BLOCKED', 'USER_UNBLOCKED']) {
      t.ok(types.includes(type), `${type} recorded`)
    }
    t.match(events.find((e) => e.type === 'ROLE_CHANGED'), { actorUserId: admin.user.id, reason: 'PATIENT -> DOCTOR' })
    const reasons = events.filter((e) => e.type === 'SESSION_REVOKED').map((e) => e.reason).sort()
    // reuse ends the first session, the password change the other device, the role change the last one
    t.strictSame(reasons, ['password_changed', 'refresh_reuse', 'role_changed'], 'each ended session is recorded with its reason')
  })

  t.test('only admins read the events; everyone reads their own login history', async (t) => {
    const user = await register(app)
    const other = await register(app)
    await login(app, other.user.username, 'not-the-password')
    assertError(t, await app.inject({ method: 'GET', url: '/api/auth/events', headers: bearer(user.tokens.accessToken) }), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await app.inject({ method: 'GET', url: '/api/auth/events' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
    assertInvalid(t, await app.inject({ method: 'GET', url: '/api/auth/events?type=NOPE', headers: bearer(admin.tokens.accessToken) }), 'querystring.type', [...SECURITY_EVENT_TYPES.map(() => 'must be equal to constant'), 'must match a schema in anyOf'])
    assertInvalid(t, await app.inject({ method: 'GET', url: '/api/auth/events?from=yesterday', headers: bearer(admin.tokens.accessToken) }), 'querystring.from', 'must match format "date-time"')

    await login(app, user.user.username, 'not-the-password')
    const history = await app.inject({ method: 'GET', url: '/api/auth/login-history', headers: bearer(user.tokens.accessToken) })
    t.equal(history.statusCode, 200)
    const items: Event[] = history.json().data.items
    t.ok(items.length >= 2, 'the registration sign-in and the failed attempt')
    t.ok(items.every((e) => e.userId === user.user.id), 'nothing of another user')
    t.strictSame([...new Set(items.map((e) => e.type))].sort(), ['LOGIN_FAILED', 'LOGIN_SUCCEEDED'])
  })
})

t.test('logout scopes', async (t) => {
  const app = await buildTestApp(t)
  const user = await register(app)
  const signIn = async () => (await login(app, user.user.username, user.password)).json().data.tokens
  const me = (token: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })

  const [a, b, c] = [await signIn(), await signIn(), await signIn()]
  const current = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: a.refreshToken, scope: 'current' } })
  t.equal(current.statusCode, 200)
  assertError(t, await me(a.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  t.equal((await me(b.accessToken)).statusCode, 200)

  const others = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: b.refreshToken, scope: 'others' } })
  t.equal(others.statusCode, 200)
  t.equal((await me(b.accessToken)).statusCode, 200, 'the calling session stays')
  assertError(t, await me(c.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await me(user.tokens.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')

  const d = await signIn()
  const all = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: d.refreshToken, scope: 'all' } })
  t.equal(all.statusCode, 200)
  assertError(t, await me(b.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await me(d.accessToken), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')

  assertInvalid(t, await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: d.refreshToken, scope: 'everything' } }), 'body.scope', ['must be equal to constant', 'must be equal to constant', 'must be equal to constant', 'must match a schema in anyOf'])
})
