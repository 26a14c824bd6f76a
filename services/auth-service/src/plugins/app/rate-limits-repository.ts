import { and, eq, gt, lt, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { rateLimits } from '../../db/schema.js'
import type { AuthDb } from './db.js'

export interface WindowCount {
  count: number
  /** When the window ends and the count starts again from zero. */
  resetAt: Date
}

/** Fixed-window counters in PostgreSQL, so every instance sees the same counts. */
export function createRateLimitsRepository (db: AuthDb) {
  const expired = (windowSeconds: number) => sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${windowSeconds})`
  const toCount = (row: { count: number, windowStart: Date }, windowSeconds: number): WindowCount =>
    ({ count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) })

  return {
    /** Counts one more event; one statement, so concurrent hits from many instances all count. */
    async hit (key: string, windowSeconds: number): Promise<WindowCount> {
      const [row] = await db.insert(rateLimits).values({ key, windowStart: sql`now()`, count: 1 })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${expired(windowSeconds)} then 1 else ${rateLimits.count} + 1 end`,
            windowStart: sql`case when ${expired(windowSeconds)} then now() else ${rateLimits.windowStart} end`,
          },
        })
        .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
      return toCount(row!, windowSeconds)
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
  }
}

export default fp(async function rateLimitsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('rateLimits', createRateLimitsRepository(fastify.db))
}, { name: 'rate-limits-repository', dependencies: ['db'] })
