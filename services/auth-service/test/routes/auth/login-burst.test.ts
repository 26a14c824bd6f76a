import { randomBytes } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { REDIS_URL, testRedis } from '../../redis.js'
import { securityEvents } from '../../../src/db/schema.js'
import { buildAppOn, login, register, type Registered } from '../../helper.js'
import { passwordGate, statusTally } from '../../password-gate.js'

const MAX = 5
const WINDOW = 900
const database = await createTestDatabase(t)

const { redis: inspector, prefix } = await testRedis(t)

const stores = {
  postgres: {
    env: {},
    /** The window of every login counter ends. */
    endWindow: async (app: Awaited<ReturnType<typeof buildAppOn>>) => {
      await app.db.execute(sql`update rate_limits set window_start = now() - make_interval(secs => ${WINDOW + 1}) where key like 'login:%'`)
    },
  },
  redis: {
    env: { REDIS_URL, REDIS_KEY_PREFIX: prefix },
    // Redis expires a window's keys when it ends.
    endWindow: async () => {
      const keys = await inspector.keys(`${prefix}login:*`)
      if (keys.length > 0) await inspector.del(...keys)
    },
  },
}

const lockedBody = (res: { headers: Record<string, unknown> }) => ({
  success: false,
  error: { code: 'TOO_MANY_REQUESTS', message: 'Too many failed sign-ins; try again later', requestId: String(res.headers['x-request-id']) },
})

for (const [store, { env, endWindow }] of Object.entries(stores)) {
  t.test(`${store}: a burst evaluates at most LOGIN_MAX_FAILURES passwords per account`, async (t) => {
    const app = await buildAppOn(t, database, { ...env, LOGIN_MAX_FAILURES: String(MAX), LOGIN_FAILURE_WINDOW: String(WINDOW) })
    const eventCount = async (userId: string, type: 'LOGIN_FAILED' | 'LOGIN_LOCKED') =>
      (await app.db.select().from(securityEvents).where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)))).length

    /** size - 1 wrong passwords at once, then the right one while they are all still being checked. */
    async function burst (user: Registered | { user: { username: string }, password: string }, size: number, addresses: (i: number) => string) {
      const gate = passwordGate(app)
      const attempt = (password: string, i: number) => () =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.user.username, password }, remoteAddress: addresses(i) })
      const wrong = gate.send(Array.from({ length: size - 1 }, (_, i) => attempt(`wrong-guess-${i}`, i)))
      await gate.settled()
      const right = gate.send([attempt(user.password, size - 1)])
      await gate.settled()
      gate.open()
      const [wrongAnswers, [rightAnswer]] = await Promise.all([wrong, right]).finally(gate.restore)
      return { gate, answers: [...wrongAnswers, rightAnswer!], right: rightAnswer! }
    }

    for (const [size, addresses] of [[30, () => '127.0.0.1'], [120, (i: number) => `198.51.100.${i % 200}`]] as const) {
      t.test(`${size} attempts from ${size === 30 ? 'one address' : 'many addresses'}, the right password among them`, async (t) => {
        const user = await register(app)
        const { gate, answers, right } = await burst(user, size, addresses)
        t.strictSame(statusTally(answers), { 401: MAX, 429: size - MAX }, 'five are checked, the rest refused')
        t.equal(gate.compared, MAX, 'five passwords were compared')
        t.equal(await eventCount(user.user.id, 'LOGIN_FAILED'), MAX, 'five failures recorded')
        t.equal(await eventCount(user.user.id, 'LOGIN_LOCKED'), 1, 'the lock recorded once, not once per refusal')

        t.equal(right.statusCode, 429, 'the right password is refused inside the window')
        t.strictSame(right.json(), lockedBody(right))
        const headers = { limit: right.headers['x-ratelimit-limit'], remaining: right.headers['x-ratelimit-remaining'] }
        t.strictSame(headers, { limit: String(MAX), remaining: '0' }, 'with the limit headers')
        const reset = Number(right.headers['x-ratelimit-reset'])
        t.ok(reset > WINDOW - 60 && reset <= WINDOW, `resets with the window (${reset} s)`)
        t.equal(Number(right.headers['retry-after']), reset, 'Retry-After says the same')

        await endWindow(app)
        t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'after the window the right password signs in')
      })
    }

    t.test('an unknown name is throttled exactly like a real one', async (t) => {
      const real = await register(app)
      const ghost = { user: { username: `nobody-${randomBytes(4).toString('hex')}` }, password: 'correct-horse-battery' }
      const [known, unknown] = [await burst(real, 30, () => '127.0.0.1'), await burst(ghost, 30, () => '127.0.0.1')]
      t.strictSame(statusTally(unknown.answers), statusTally(known.answers), 'the same answers')
      t.strictSame(unknown.right.json(), lockedBody(unknown.right), 'the same 429')
      t.equal(unknown.gate.compared, MAX, 'and the same number of (dummy) compares')
      t.equal(unknown.right.headers['x-ratelimit-limit'], known.right.headers['x-ratelimit-limit'])
    })
  })
}
