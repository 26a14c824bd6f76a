import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createSessionManager, type SessionManager } from '../../services/session-manager.js'

declare module 'fastify' {
  interface FastifyInstance {
    sessionManager: SessionManager
  }
}

export default fp(async function sessionManagerPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  fastify.decorate('sessionManager', createSessionManager({
    db: fastify.db,
    sessions: fastify.sessionsRepository,
    events: fastify.securityEventsRepository,
    revocations: fastify.revocationsRepository,
    accessTokens: fastify.accessTokens,
    sealKey: fastify.signingKeys.sealKey,
    log: fastify.log,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL,
    sessionMaxSeconds: config.SESSION_MAX_LIFETIME,
    graceSeconds: config.REFRESH_GRACE_SECONDS,
  }))
}, { name: 'session-manager', dependencies: ['sessions-repository', 'security-events-repository', 'revocations-repository', 'access-tokens', 'signing-keys'] })
