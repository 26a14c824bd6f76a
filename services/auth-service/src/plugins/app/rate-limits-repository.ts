import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { FastifyInstance } from 'fastify'
import { connectRedis } from '../../lib/redis.js'
import { createPostgresCounters, type Counters } from '../../services/postgres-counters.js'
import { createRedisCounters } from '../../services/redis-counters.js'

export type RateLimitsRepository = Counters

declare module 'fastify' {
  interface FastifyInstance {
    rateLimitsRepository: RateLimitsRepository
    /** The Redis client when `REDIS_URL` is set (the counters live there then). */
    redis: Redis | null
  }
}

/**
 * Rate-limit and lockout counters: in PostgreSQL by default, in Redis when `REDIS_URL` is set.
 * Either way every instance shares them.
 */
export default fp(async function rateLimitsRepositoryPlugin (fastify: FastifyInstance) {
  const url = fastify.config.REDIS_URL
  if (!url) {
    fastify.decorate('redis', null)
    fastify.decorate('rateLimitsRepository', createPostgresCounters(fastify.db))
    return
  }
  const redis = await connectRedis(url)
  fastify.addHook('onClose', async () => { await redis.quit().catch(() => redis.disconnect()) })
  fastify.decorate('redis', redis)
  fastify.decorate('rateLimitsRepository', createRedisCounters(redis, fastify.config.REDIS_KEY_PREFIX))
}, { name: 'rate-limits-repository', dependencies: ['db', '@fastify/env'] })
