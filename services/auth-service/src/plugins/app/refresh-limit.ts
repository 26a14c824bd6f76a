import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createRefreshLimit, type RefreshLimit } from '../../services/refresh-limit.js'

declare module 'fastify' {
  interface FastifyInstance {
    refreshLimit: RefreshLimit
  }
}

/** POST /api/auth/refresh, counted per client address per minute (RATE_LIMIT_REFRESH). */
export default fp(async function refreshLimitPlugin (fastify: FastifyInstance) {
  fastify.decorate('refreshLimit', createRefreshLimit({
    sessions: fastify.sessionsRepository,
    counters: fastify.rateLimitsRepository,
    sessionManager: fastify.sessionManager,
    countsInDatabase: fastify.redis === null,
    max: fastify.config.RATE_LIMIT_REFRESH,
    windowSeconds: 60,
  }))
}, { name: 'refresh-limit', dependencies: ['sessions-repository', 'rate-limits-repository', 'session-manager'] })
