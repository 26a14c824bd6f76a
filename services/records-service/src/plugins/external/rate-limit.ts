import rateLimit from '@fastify/rate-limit'
import { notFoundPlugin, tooManyRequests } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

/**
 * Request limits, keyed by client address (routes opt in; `global: false`), and the 404 handler
 * behind RATE_LIMIT_NOT_FOUND. The counters stay in memory, per instance: the 404 limit only has
 * to make URL probing slow, and a PostgreSQL store would turn a flood of unknown URLs into as many
 * writes on the medical records' database (auth-service keeps its counters in the database
 * because its login limits must hold across instances).
 * @see https://github.com/fastify/fastify-rate-limit
 */
export default fp(async function rateLimitPlugin (fastify: FastifyInstance) {
  await fastify.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl / 1000),
  })
  await fastify.register(notFoundPlugin, {
    rateLimit: fastify.rateLimit({ max: fastify.config.RATE_LIMIT_NOT_FOUND, timeWindow: '1 minute' }),
  })
}, { name: 'rate-limit' })
