import { sql } from 'drizzle-orm'
import { assertError, createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { bearer, buildAppOn, login, register, registerAs, uniqueUser } from '../../helper.js'

const database = await createTestDatabase(t)

t.test('failed logins lock the account name for the window, right password included', async (t) => {
  const env = { LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW: '900' }
  const app = await buildAppOn(t, database, env)
  const other = await buildAppOn(t, database, env)
  const user = await register(app)

  for (let i = 0; i < 2; i++) assertError(t, await login(app, user.user.username, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  // The third failure happens on another instance: the count lives in PostgreSQL.
  assertError(t, await login(other, user.user.username, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  const locked = await login(app, user.user.username, user.password)
  assertError(t, locked, 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
  const retryAfter = Number(locked.headers['retry-after'])
  t.ok(retryAfter > 800 && retryAfter <= 900, `Retry-After ${retryAfter} s: until the window ends`)
  assertError(t, await login(other, user.user.email, user.password), 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')

  // An unknown name behaves the same: the lockout says nothing about which names exist.
  for (let i = 0; i < 3; i++) assertError(t, await login(app, 'no-such-person', 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  const ghost = await login(app, 'no-such-person', 'wrong-guess-here')
  assertError(t, ghost, 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
  t.equal(ghost.json().error.message, locked.json().error.message)

  t.equal((await login(app, (await register(app)).user.username, 'correct-horse-battery')).statusCode, 200, 'other accounts are not affected')

  // The window passes: the real user signs in again, which also clears the count.
  await app.db.execute(sql`update rate_limits set window_start = now() - interval '901 seconds' where key in (${`login:name:${user.user.username}`}, ${`login:user:${user.user.id}`})`)
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200)
  assertError(t, await login(app, user.user.username, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
})

t.test('a sign-in by email clears the count a failure by username started, and the other way round', async (t) => {
  const app = await buildAppOn(t, database, { LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW: '900' })
  const user = await register(app)
  for (const [failWith, succeedWith] of [[user.user.username, user.user.email], [user.user.email, user.user.username.toUpperCase()]] as const) {
    for (let i = 0; i < 2; i++) assertError(t, await login(app, failWith, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
    t.equal((await login(app, succeedWith, user.password)).statusCode, 200, `signed in as ${succeedWith}`)
    const after = []
    for (let i = 0; i < 4; i++) after.push((await login(app, failWith, 'wrong-guess-here')).statusCode)
    t.strictSame(after, [401, 401, 401, 429], `a full allowance again under ${failWith}`)
    await app.db.execute(sql`delete from rate_limits where key like 'login:%'`)
  }
})

t.test('failed logins from one address are limited across account names', async (t) => {
  const app = await buildAppOn(t, database, { LOGIN_MAX_FAILURES_PER_IP: '4', LOGIN_MAX_FAILURES: '100' })
  await app.db.execute(sql`delete from rate_limits where key like 'login:ip:%'`)
  const headers = { 'x-forwarded-for': '198.51.100.9' } // ignored: no trusted proxy, so the address is the connection's
  for (let i = 0; i < 4; i++) assertError(t, await login(app, `spray-${i}-${Date.now()}`, 'wrong-guess-here', headers), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  assertError(t, await login(app, 'yet-another-name', 'wrong-guess-here', headers), 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
})

t.test('registration, refresh, password changes and the admin API have their own limits', async (t) => {
  const app = await buildAppOn(t, database, { RATE_LIMIT_REGISTER: '2', RATE_LIMIT_REFRESH: '1', RATE_LIMIT_ADMIN: '1', RATE_LIMIT_CHANGE_PASSWORD: '1' })
  await app.db.execute(sql`delete from rate_limits where key like 'route:%'`)
  const first = await register(app)
  await register(app)
  const third = await app.inject({ method: 'POST', url: '/api/auth/register', payload: uniqueUser() })
  assertError(t, third, 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')
  t.ok(Number(third.headers['retry-after']) >= 1, 'with Retry-After')

  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first.tokens.refreshToken } })
  t.equal(refreshed.statusCode, 200)
  t.match(refreshed.headers, { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': '0' }, 'the refresh counts like the other limited routes')
  t.ok(Number(refreshed.headers['x-ratelimit-reset']) >= 59)
  const next = refreshed.json().data.tokens.refreshToken
  const limited = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: next } })
  assertError(t, limited, 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')
  t.ok(Number(limited.headers['retry-after']) >= 1, 'with Retry-After')
  // A refused refresh does no work: the token is still unspent once the window is over.
  await app.db.execute(sql`update rate_limits set window_start = now() - interval '61 seconds' where key like 'route:POST /api/auth/refresh:%'`)
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: next } })).statusCode, 200)

  const change = () => app.inject({ method: 'POST', url: '/api/auth/change-password', headers: bearer(first.tokens.accessToken), payload: { currentPassword: 'wrong-guess-here', newPassword: 'velvet-harbor-quartz-19' } })
  assertError(t, await change(), 403, 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect')
  assertError(t, await change(), 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')

  const admin = await registerAs(app, 'ADMIN').catch(() => undefined)
  t.equal(admin, undefined, 'the register limit also stops creating the admin here')
  await app.db.execute(sql`delete from rate_limits where key like 'route:POST /api/auth/register%'`)
  const realAdmin = await registerAs(app, 'ADMIN')
  t.equal((await app.inject({ method: 'GET', url: '/api/users', headers: bearer(realAdmin.tokens.accessToken) })).statusCode, 200)
  assertError(t, await app.inject({ method: 'PATCH', url: `/api/users/${first.user.id}`, headers: bearer(realAdmin.tokens.accessToken), payload: { role: 'DOCTOR' } }), 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')
})
