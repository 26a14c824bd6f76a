import { sql } from 'drizzle-orm'
import { assertError, createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { REDIS_URL, testRedis } from '../../redis.js'
import { bearer, buildAppOn, login, register, registerAs, uniqueUser } from '../../helper.js'

const database = await createTestDatabase(t)

const { redis: inspector, prefix } = await testRedis(t)

const redisEnv = (extra: Record<string, string> = {}) => ({ REDIS_URL, REDIS_KEY_PREFIX: prefix, ...extra })
const rowsInPostgres = async (app: Awaited<ReturnType<typeof buildAppOn>>) =>
  ((await app.db.execute(sql`select count(*)::int as n from rate_limits`)) as unknown as Array<{ n: number }>)[0]!.n

t.test('with REDIS_URL the lockout is counted in Redis, across instances, and nothing in PostgreSQL', async (t) => {
  const env = redisEnv({ LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW: '600' })
  const app = await buildAppOn(t, database, env)
  const other = await buildAppOn(t, database, env)
  const user = await register(app)
  await app.db.execute(sql`delete from rate_limits`)

  for (let i = 0; i < 2; i++) assertError(t, await login(app, user.user.username, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  assertError(t, await login(other, user.user.email, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  const locked = await login(other, user.user.username, user.password)
  assertError(t, locked, 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')
  const retryAfter = Number(locked.headers['retry-after'])
  t.ok(retryAfter > 500 && retryAfter <= 600, `Retry-After ${retryAfter} s: until the window ends`)

  // Three failures and the refusal that began the lock (refusals count only inside the window).
  t.equal(await inspector.get(`${prefix}login:user:${user.user.id}`), '4', 'the account count is in Redis')
  const ttl = await inspector.pttl(`${prefix}login:user:${user.user.id}`)
  t.ok(ttl > 500_000 && ttl <= 600_000, 'and expires with the window')
  t.equal(await rowsInPostgres(app), 0, 'no counter rows in PostgreSQL')

  // The window ends (Redis expires the keys): the real user signs in, which clears the count.
  await inspector.del(`${prefix}login:name:${user.user.username}`, `${prefix}login:name:${user.user.email}`, `${prefix}login:user:${user.user.id}`)
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200)
})

t.test('an admin\'s unlock clears the account\'s counts in Redis', async (t) => {
  const app = await buildAppOn(t, database, redisEnv({ LOGIN_MAX_FAILURES: '2', LOGIN_FAILURE_WINDOW: '600' }))
  const adminAccess = (await registerAs(app, 'ADMIN')).tokens.accessToken
  const user = await register(app)
  for (let i = 0; i < 2; i++) assertError(t, await login(app, user.user.username, 'wrong-guess-here'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  assertError(t, await login(app, user.user.email, user.password), 429, 'TOO_MANY_REQUESTS', 'Too many failed sign-ins; try again later')

  const unlocked = await app.inject({ method: 'POST', url: `/api/users/${user.user.id}/unlock`, headers: bearer(adminAccess) })
  t.equal(unlocked.statusCode, 200)
  const keys = ['name:' + user.user.username, 'name:' + user.user.email, 'user:' + user.user.id].map((k) => `${prefix}login:${k}`)
  t.strictSame(await Promise.all(keys.map((key) => inspector.exists(key))), [0, 0, 0], 'the account\'s keys are gone')
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'the user signs in again')
})

t.test('per-route limits use Redis too', async (t) => {
  const app = await buildAppOn(t, database, redisEnv({ RATE_LIMIT_REGISTER: '2' }))
  const before = await rowsInPostgres(app)
  // The earlier test's sign-up counted for this address too.
  const earlier = await inspector.keys(`${prefix}route:*`)
  if (earlier.length > 0) await inspector.del(...earlier)
  await register(app)
  await register(app)
  const third = await app.inject({ method: 'POST', url: '/api/auth/register', payload: uniqueUser() })
  assertError(t, third, 429, 'TOO_MANY_REQUESTS', 'Too many requests, try again later')
  t.ok(Number(third.headers['retry-after']) >= 1, 'with Retry-After')
  t.ok((await inspector.keys(`${prefix}route:*`)).length >= 1, 'the route counter is in Redis')
  t.equal(await rowsInPostgres(app), before, 'and not in PostgreSQL')
})

t.test('a Redis outage answers 503 quickly, readiness says so, and the service recovers by itself', async (t) => {
  const app = await buildAppOn(t, database, redisEnv())
  const user = await register(app)
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200)

  // The connection drops (as when Redis restarts); the client is told not to reconnect yet.
  app.redis!.disconnect(false)
  const started = Date.now()
  assertError(t, await login(app, user.user.username, user.password), 503, 'SERVICE_UNAVAILABLE', 'The rate-limit store is not reachable')
  t.ok(Date.now() - started < 5000, 'without waiting for Redis')
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 503)
  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200)
  // Limits on other routes skip a failing store rather than fail the request.
  t.equal((await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: user.tokens.refreshToken } })).statusCode, 200)

  await app.redis!.connect()
  t.equal((await app.inject({ method: 'GET', url: '/health/ready' })).statusCode, 200)
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200)
})

t.test('an unreachable Redis at start is a clear start failure', async (t) => {
  await t.rejects(buildAppOn(t, database, { REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: prefix }), /REDIS_URL is not reachable/)
  await t.rejects(buildAppOn(t, database, { REDIS_URL: 'http://127.0.0.1:6379' }), /REDIS_URL/)
})
