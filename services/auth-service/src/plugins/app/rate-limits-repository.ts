import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm'
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

    async clear (key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key))
    },

    /** Housekeeping: windows that ended long ago. */
    async purge (): Promise<void> {
      await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`))
    },
  }
}

export type RateLimitsRepository = ReturnType<typeof createRateLimitsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimitsRepository
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
    fastify.decorate('rateLimits', createRateLimitsRepository(fastify.db))
    return
  }
  const redis = await connectRedis(url)
  fastify.addHook('onClose', async () => { await redis.quit().catch(() => redis.disconnect()) })
  fastify.decorate('redis', redis)
  fastify.decorate('rateLimits', createRedisCounters(redis, fastify.config.REDIS_KEY_PREFIX))
}, { name: 'rate-limits-repository', dependencies: ['db', '@fastify/env'] })
