import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { createSessionLimits, type SessionLimits } from '../../services/session-limits.js'

declare module 'fastify' {
  interface FastifyInstance {
    sessionLimits: SessionLimits
  }
}

export interface SessionLimitsPluginOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/** Idle and absolute limits of sessions by role (see createSessionLimits). */
export default fp<SessionLimitsPluginOptions>(async function sessionLimitsPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  fastify.decorate('sessionLimits', createSessionLimits({
    staffRoles: mfaRequiredRoles(config),
    idleSeconds: config.REFRESH_TOKEN_TTL,
    maxSeconds: config.SESSION_MAX_LIFETIME,
    staffIdleSeconds: config.SESSION_IDLE_TIMEOUT_STAFF,
    staffMaxSeconds: config.SESSION_MAX_LIFETIME_STAFF,
    now: opts.now ?? Date.now,
  }))
}, { name: 'session-limits' })
