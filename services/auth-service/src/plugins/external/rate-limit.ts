import rateLimit from '@fastify/rate-limit'
import { tooManyRequests } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
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
      repository.hit(`route:${this.prefix}:${key}`, Math.max(1, Math.ceil(timeWindow / 1000))).then(
        (window) => callback(null, { current: window.count, ttl: Math.max(0, window.resetAt.getTime() - Date.now()) }),
        (error: Error) => callback(error),
      )
    }

    child (params: { groupId?: string, routeInfo?: { method?: unknown, url?: unknown } }) {
      return new PostgresStore(params.groupId ?? `${String(params.routeInfo?.method)} ${String(params.routeInfo?.url)}`)
    }
  }
}

/**
 * Per-route request limits (routes opt in with `config.rateLimit`), keyed by client address.
 * A database outage does not turn limits into errors: the request goes on and meets the
 * outage itself.
 * @see https://github.com/fastify/fastify-rate-limit
 */
export default fp(async function rateLimitPlugin (fastify: FastifyInstance) {
  await fastify.register(rateLimit, {
    global: false,
    store: postgresStore(fastify.rateLimits) as never,
    skipOnError: true,
    errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl / 1000),
  })
}, { name: 'rate-limit', dependencies: ['rate-limits-repository'] })
