import { and, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf, type StatementValue } from '@rekam/db'
import fp from 'fastify-plugin'
import { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { rateLimits } from '../../db/schema.js'
import { epochMs } from '../../db/statements.js'
import { createRedisCounters } from '../../services/redis-counters.js'
import type { AuthDb } from './db.js'

export interface WindowCount {
  count: number
  /** When the window ends and the count starts again from zero. */
  resetAt: Date
}

/** The counter key of a per-route limit: the route (method and path, or a group) and the client address. */
export const routeLimitKey = (route: string, client: string) => `route:${route}:${client}`

/** What `countSql` returns: the count in the window and when the window started. */
export interface CountRow {
  count: number
  window_start_ms: number
}

export const toWindowCount = (row: CountRow, windowSeconds: number): WindowCount =>
  ({ count: row.count, resetAt: new Date(row.window_start_ms + windowSeconds * 1000) })

/** One counter of a reservation and the count at which it refuses. */
export interface CounterLimit {
  key: string
  max: number
}

/**
 * What `reserve` decided: allowed (every counter was below its limit and counted one more), or
 * refused (only the counters at their limit counted one more). Windows in the order asked.
 */
export interface Reservation {
  allowed: boolean
  windows: WindowCount[]
}

/** Which counters a reservation writes: all of them, or only those refusing it. */
function reservedKeys (limits: CounterLimit[], counts: number[]): { allowed: boolean, keys: string[] } {
  const blocking = limits.filter((limit, i) => counts[i]! >= limit.max).map((limit) => limit.key)
  return blocking.length === 0 ? { allowed: true, keys: limits.map((limit) => limit.key) } : { allowed: false, keys: blocking }
}

/**
 * Counts one more event under `key`, starting a new window when the last one is over; returns
 * a `CountRow`. One statement (an upsert), so concurrent hits from many instances all count; a
 * statement of its own or a CTE of a larger one (the refresh lookup counts this way).
 */
export function countSql (v: { key: StatementValue, windowSeconds: StatementValue }): SQL {
  const expired = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${v.windowSeconds})`
  return sql`
    insert into ${rateLimits} (key, window_start, count) values (${v.key}, now(), 1)
    on conflict (key) do update set
      count = case when ${expired} then 1 else ${rateLimits.count} + 1 end,
      window_start = case when ${expired} then now() else ${rateLimits.windowStart} end
    returning count, ${epochMs(rateLimits.windowStart)} as window_start_ms`
}

/**
 * `reserve` in PostgreSQL: one transaction that first locks every counter's row (creating
 * missing ones at zero; in key order, so concurrent reservations never deadlock) and reads its
 * latest count, then writes. Concurrent reservations of a key queue on its row lock, so each
 * decides on the counts the previous one committed.
 */
async function reserveInDatabase (db: AuthDb, limits: CounterLimit[], windowSeconds: number): Promise<Reservation> {
  const expired = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${windowSeconds})`
  const keyList = (keys: string[], row: (key: string) => SQL) => sql.join(keys.map(row), sql`, `)
  const unique = [...new Set(limits.map((limit) => limit.key))]
  return db.transaction(async (tx) => {
    // An ended window reads as an empty one starting now, which is what the write below makes it.
    const locked = rowsOf<CountRow & { key: string }>(await tx.execute(sql`
      insert into ${rateLimits} (key, window_start, count)
      select key, now(), 0 from (values ${keyList(unique, (key) => sql`(${key})`)}) as wanted(key) order by key
      on conflict (key) do update set count = ${rateLimits.count}
      returning key, case when ${expired} then 0 else count end as count,
        ${epochMs(sql`case when ${expired} then now() else ${rateLimits.windowStart} end`)} as window_start_ms`))
    const rows = new Map(locked.map((row) => [row.key, row]))
    const { allowed, keys } = reservedKeys(limits, limits.map((limit) => rows.get(limit.key)!.count))
    const written = rowsOf<CountRow & { key: string }>(await tx.execute(sql`
      update ${rateLimits} set
        count = case when ${expired} then 1 else ${rateLimits.count} + 1 end,
        window_start = case when ${expired} then now() else ${rateLimits.windowStart} end
      where key in (${keyList(keys, (key) => sql`${key}`)})
      returning key, count, ${epochMs(rateLimits.windowStart)} as window_start_ms`))
    for (const row of written) rows.set(row.key, row)
    return { allowed, windows: limits.map((limit) => toWindowCount(rows.get(limit.key)!, windowSeconds)) }
  })
}

/** Fixed-window counters in PostgreSQL, so every instance sees the same counts. */
export function createRateLimitsRepository (db: AuthDb) {
  const toCount = (row: { count: number, windowStart: Date }, windowSeconds: number): WindowCount =>
    ({ count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) })
  // Built once: login attempts count on every try (see defineStatement).
  const countStatement = defineStatement<{ key: string, windowSeconds: number }>(db, countSql(placeholders('key', 'windowSeconds')))

  return {
    /** Counts one more event; one statement, so concurrent hits from many instances all count. */
    async hit (key: string, windowSeconds: number): Promise<WindowCount> {
      const [row] = rowsOf<CountRow>(await countStatement({ key, windowSeconds }))
      return toWindowCount(row!, windowSeconds)
    },

    /** The count in the current window, without counting. */
    async peek (key: string, windowSeconds: number): Promise<WindowCount | undefined> {
      const [row] = await db.select({ count: rateLimits.count, windowStart: rateLimits.windowStart }).from(rateLimits)
        .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)))
      return row && toCount(row, windowSeconds)
    },

    /**
     * Checks and counts several counters as one step: when every one is below its limit all
     * count one more (a slot is taken before the work it guards, so concurrent callers can never
     * take more than the limit), otherwise only the refusing ones do (so the first refusal of a
     * window is recognisable) and the others are left alone.
     */
    reserve (limits: CounterLimit[], windowSeconds: number): Promise<Reservation> {
      return reserveInDatabase(db, limits, windowSeconds)
    },

    /** Gives back one reserved count in the current window (work that turned out not to count). */
    async release (key: string, windowSeconds: number): Promise<void> {
      await db.update(rateLimits).set({ count: sql`${rateLimits.count} - 1` })
        .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0), gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)))
    },

    async clear (key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key))
    },

    /**
     * Housekeeping: windows that ended long ago. Rows are locked in key order, as a reservation
     * locks them, so the two never deadlock.
     */
    async purge (): Promise<void> {
      const old = db.select({ key: rateLimits.key }).from(rateLimits)
        .where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`)).orderBy(rateLimits.key).for('update')
      await db.delete(rateLimits).where(inArray(rateLimits.key, old))
    },
  }
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    rateLimitsRepository: RateLimitsRepository
    /** The Redis client when `REDIS_URL` is set (the counters live there then). */
    redis: Redis | null
  }
}

/**
 * Connects to Redis for the counters. Commands fail at once while it is unreachable (no offline
 * queue, one retry), so a Redis outage answers 503 quickly instead of holding requests; the client
 * reconnects by itself.
 */
async function connectRedis (url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // Errors reach the commands that meet them; the client's own reports would repeat each one.
  redis.on('error', () => {})
  try {
    await redis.connect()
  } catch (err) {
    redis.disconnect()
    throw new Error(`Redis at REDIS_URL is not reachable: ${(err as Error).message}`, { cause: err })
  }
  return redis
}

/**
 * Rate-limit and lockout counters: in PostgreSQL by default, in Redis when `REDIS_URL` is set.
 * Either way every instance shares them.
 */
export default fp(async function rateLimitsRepositoryPlugin (fastify: FastifyInstance) {
  const url = fastify.config.REDIS_URL
  if (!url) {
    fastify.decorate('redis', null)
    fastify.decorate('rateLimitsRepository', createRateLimitsRepository(fastify.db))
    return
  }
  const redis = await connectRedis(url)
  fastify.addHook('onClose', async () => { await redis.quit().catch(() => redis.disconnect()) })
  fastify.decorate('redis', redis)
  fastify.decorate('rateLimitsRepository', createRedisCounters(redis, fastify.config.REDIS_KEY_PREFIX))
}, { name: 'rate-limits-repository', dependencies: ['db', '@fastify/env'] })
