import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createSessionManager, type SessionManager } from '../../services/session-manager.js'

declare module 'fastify' {
  interface FastifyInstance {
    sessionManager: SessionManager
  }
}

export interface SessionManagerOptions {
  /** The clock in epoch ms; session-limits' clock unless a test gives one. */
  now?: (() => number) | undefined
}

export default fp<SessionManagerOptions>(async function sessionManagerPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  fastify.decorate('sessionManager', createSessionManager({
    db: fastify.db,
    sessions: fastify.sessionsRepository,
    events: fastify.securityEventsRepository,
    revocations: fastify.revocationsRepository,
    accessTokens: fastify.accessTokens,
    sealKey: fastify.signingKeys.sealKey,
    log: fastify.log,
    limits: fastify.sessionLimits,
    graceSeconds: config.REFRESH_GRACE_SECONDS,
    emailVerificationRequired: config.EMAIL_VERIFICATION === 'required',
    now: opts.now ?? fastify.sessionLimits.now,
    notifications: fastify.notifications,
    newDeviceWindowDays: config.NEW_DEVICE_WINDOW_DAYS,
  }))
}, { name: 'session-manager', dependencies: ['sessions-repository', 'security-events-repository', 'revocations-repository', 'access-tokens', 'signing-keys', 'session-limits', 'notifications'] })
