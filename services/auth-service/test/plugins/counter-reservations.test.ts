import { randomBytes } from 'node:crypto'
import { openDatabase } from '@rekam/db'
import { createTestDatabase } from '@rekam/testing'
import { sql } from 'drizzle-orm'
import t from 'tap'
import { testRedis } from '../redis.js'
import { schema } from '../../src/db/schema.js'
import { migrationsFolder } from '../../src/plugins/app/db.js'
import type { RateLimitsRepository } from '../../src/plugins/app/rate-limits-repository.js'
import { createPostgresCounters } from '../../src/services/postgres-counters.js'
import { createRedisCounters } from '../../src/services/redis-counters.js'

const WINDOW = 600
const database = await createTestDatabase(t)
const opened = openDatabase({ DATABASE_URL: database.url, DATA_DIR: 'memory://', DB_POOL_SIZE: 10, DB_CONNECT_TIMEOUT: 5 }, { name: 'auth', schema, migrationsFolder })
t.teardown(() => opened.close())
await opened.migrate()

const { redis, prefix } = await testRedis(t)

const stores: Record<string, { counters: RateLimitsRepository, endWindow: (key: string) => Promise<unknown> }> = {
  postgres: {
    counters: createPostgresCounters(opened.db),
    endWindow: (key) => opened.db.execute(sql`update rate_limits set window_start = now() - make_interval(secs => ${WINDOW + 1}) where key = ${key}`),
  },
  redis: {
    counters: createRedisCounters(redis, prefix),
    // Redis expires the key when its window ends.
    endWindow: (key) => redis.del(`${prefix}${key}`),
  },
}

for (const [store, { counters, endWindow }] of Object.entries(stores)) {
  t.test(`${store}: reservations`, async (t) => {
    const id = randomBytes(4).toString('hex')
    const account = { key: `test:account:${id}`, max: 5 }
    const address = { key: `test:address:${id}`, max: 100 }

    t.test('however many arrive at once, only the limit is granted; refusals count only where they are refused', async (t) => {
      const results = await Promise.all(Array.from({ length: 60 }, () => counters.reserve([account, address], WINDOW)))
      t.equal(results.filter((r) => r.allowed).length, 5, 'five reservations granted')
      t.strictSame((await counters.peek(address.key, WINDOW))?.count, 5, 'the address counted only the granted ones')
      t.strictSame((await counters.peek(account.key, WINDOW))?.count, 60, 'the account counted the refusals too, inside its window')
      const counts = results.filter((r) => r.allowed).map((r) => r.windows[0]!.count).sort((a, b) => a - b)
      t.strictSame(counts, [1, 2, 3, 4, 5], 'each granted one saw its own count')
      const firstRefusals = results.filter((r) => !r.allowed && r.windows[0]!.count === account.max + 1)
      t.equal(firstRefusals.length, 1, 'exactly one refusal is the first of the lock')
      const reset = results[0]!.windows[0]!.resetAt.getTime() - Date.now()
      t.ok(reset > (WINDOW - 60) * 1000 && reset <= WINDOW * 1000, 'every window ends when it began plus the window')
    })

    t.test('a release gives one count back, never below zero', async (t) => {
      await counters.release(address.key, WINDOW)
      t.equal((await counters.peek(address.key, WINDOW))?.count, 4)
      const fresh = `test:fresh:${id}`
      await counters.release(fresh, WINDOW)
      t.equal(await counters.peek(fresh, WINDOW), undefined, 'a counter that never counted stays empty')
    })

    t.test('the window ends: the counter starts again from one', async (t) => {
      t.equal((await counters.reserve([account, address], WINDOW)).allowed, false, 'still refused inside the window')
      await endWindow(account.key)
      const next = await counters.reserve([account, address], WINDOW)
      t.strictSame({ allowed: next.allowed, counts: next.windows.map((w) => w.count) }, { allowed: true, counts: [1, 5] })
    })

    t.test('a cleared counter grants again at once', async (t) => {
      const one = { key: `test:one:${id}`, max: 1 }
      t.equal((await counters.reserve([one], WINDOW)).allowed, true)
      t.equal((await counters.reserve([one], WINDOW)).allowed, false)
      await counters.clear(one.key)
      t.equal((await counters.reserve([one], WINDOW)).allowed, true)
    })
  })
}
