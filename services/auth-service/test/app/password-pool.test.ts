import { monitorEventLoopDelay } from 'node:perf_hooks'
import { assertError, createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildAppOn, login, register } from '../helper.js'

const database = await createTestDatabase(t)

t.test('a full hashing queue answers 503 with Retry-After at once, never a 500, and recovers', async (t) => {
  // One thread, one waiting slot, a cost that keeps the thread busy while the burst arrives.
  const app = await buildAppOn(t, database, { BCRYPT_COST: '10', PASSWORD_HASH_THREADS: '1', PASSWORD_HASH_QUEUE: '1' })
  const user = await register(app)

  const burst = await Promise.all(Array.from({ length: 8 }, () => login(app, user.user.username, user.password)))
  const statuses = burst.map((res) => res.statusCode)
  t.ok(statuses.includes(200), `some sign-ins were checked: ${statuses.join(' ')}`)
  const refused = burst.filter((res) => res.statusCode === 503)
  t.ok(refused.length >= 1, 'the rest were refused instead of queued without limit')
  t.strictSame(statuses.filter((s) => s !== 200 && s !== 503), [], 'nothing else (no 500)')
  for (const res of refused) {
    assertError(t, res, 503, 'SERVICE_UNAVAILABLE', 'Too many sign-ins are being checked right now; try again shortly')
    t.equal(res.headers['retry-after'], '1')
  }
  // Refused attempts are not failed sign-ins: they do not count toward the lockout.
  t.equal((await login(app, user.user.username, user.password)).statusCode, 200, 'the next attempt after the burst is served')
})

t.test('hashing runs off the event loop', async (t) => {
  // bcryptjs's own async mode would stall the loop about 100 ms per slice at cost 12.
  const app = await buildAppOn(t, database, { BCRYPT_COST: '12', PASSWORD_HASH_THREADS: '2', PASSWORD_HASH_QUEUE: '16' })
  const user = await register(app)
  const histogram = monitorEventLoopDelay({ resolution: 1 })
  histogram.enable()
  const logins = Promise.all(Array.from({ length: 4 }, () => login(app, user.user.username, user.password)))
  // Meanwhile the loop keeps serving cheap requests.
  let served = 0
  const pinging = (async () => {
    for (let i = 0; i < 20; i++) {
      served += (await app.inject({ method: 'GET', url: '/health/live' })).statusCode === 200 ? 1 : 0
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const results = await logins
  await pinging
  histogram.disable()
  t.strictSame(results.map((res) => res.statusCode), [200, 200, 200, 200])
  t.equal(served, 20)
  // With hashing on the loop nearly every sample would wait out a slice (~100 ms); the median
  // tells the two apart even when a busy machine delays a few samples.
  const medianMs = histogram.percentile(50) / 1e6
  t.ok(medianMs < 20, `median event-loop delay ${medianMs.toFixed(1)} ms while hashing (max ${(histogram.max / 1e6).toFixed(1)} ms)`)
})
