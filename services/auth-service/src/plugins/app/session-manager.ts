import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createSessionManager, type SessionManager } from '../../services/session-manager.js'

declare module 'fastify' {
  interface FastifyInstance {
    sessionManager: SessionManager
  }
}

/** Purging often enough keeps sealed successors no longer than about a minute past their grace. */
const PURGE_INTERVAL_MS = 60_000

export default fp(async function sessionManagerPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  fastify.decorate('sessionManager', createSessionManager({
    db: fastify.db,
    sessions: fastify.sessionsRepository,
    accessTokens: fastify.accessTokens,
    sealKey: fastify.signingKeys.sealKey,
    log: fastify.log,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL,
    sessionMaxSeconds: config.SESSION_MAX_LIFETIME,
    graceSeconds: config.REFRESH_GRACE_SECONDS,
  }))

  const timer = setInterval(() => {
    fastify.sessionsRepository.purge(config.REFRESH_GRACE_SECONDS)
      .catch((err: unknown) => fastify.log.warn({ err }, 'refresh token purge failed'))
  }, PURGE_INTERVAL_MS)
  timer.unref()
  fastify.addHook('onClose', async () => clearInterval(timer))
}, { name: 'session-manager', dependencies: ['sessions-repository', 'access-tokens', 'signing-keys'] })
