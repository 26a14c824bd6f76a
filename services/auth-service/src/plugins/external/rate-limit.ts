import rateLimit from '@fastify/rate-limit'
import { isDatabaseUnavailable, notFoundPlugin, tooManyRequests } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { routeLimitKey } from '../../services/counters.js'
import type { RateLimitsRepository } from '../app/rate-limits-repository.js'

type Callback = (error: Error | null, result?: { current: number, ttl: number }) => void

/** An @fastify/rate-limit store on PostgreSQL: limits hold across instances. */
function postgresStore (repository: RateLimitsRepository) {
  return class PostgresStore {
    private readonly prefix: string

    // @fastify/rate-limit builds the root store with its global options; children get a route name.
    constructor (prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : 'global'
    }

    incr (key: string, callback: Callback, timeWindow: number) {
      repository.hit(routeLimitKey(this.prefix, key), Math.max(1, Math.ceil(timeWindow / 1000))).then(
        (window) => callback(null, { current: window.count, ttl: Math.max(0, window.resetAt.getTime() - Date.now()) }),
        // An unreachable database is the route's outage too: answer 503 now rather than let the
        // route wait out a second connect timeout. Any other failure lets the request through.
        (error: Error) => isDatabaseUnavailable(error) ? callback(error) : callback(null, { current: 0, ttl: timeWindow }),
      )
    }

    child (params: { groupId?: string, routeInfo?: { method?: unknown, url?: unknown } }) {
      return new PostgresStore(params.groupId ?? `${String(params.routeInfo?.method)} ${String(params.routeInfo?.url)}`)
    }
  }
}

/**
 * Per-route request limits (routes opt in with `config.rateLimit`), keyed by client address,
 * and the 404 handler behind RATE_LIMIT_NOT_FOUND (it needs the limiter, so it is set here).
 * A counter that cannot be kept never refuses a request with 429: a database outage answers
 * the outage's own 503 at once, any other store failure lets the request through.
 * @see https://github.com/fastify/fastify-rate-limit
 */
export default fp(async function rateLimitPlugin (fastify: FastifyInstance) {
  await fastify.register(rateLimit, {
    global: false,
    store: postgresStore(fastify.rateLimitsRepository) as never,
    // The store itself decides which failures skip the limit (above).
    skipOnError: false,
    errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl / 1000),
  })
  await fastify.register(notFoundPlugin, {
    rateLimit: fastify.rateLimit({ max: fastify.config.RATE_LIMIT_NOT_FOUND, timeWindow: '1 minute', groupId: 'not-found' }),
  })
}, { name: 'rate-limit', dependencies: ['rate-limits-repository'] })
