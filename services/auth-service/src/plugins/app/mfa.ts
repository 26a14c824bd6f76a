import { hkdfSync } from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { createMfaEnrollment, type MfaEnrollment } from '../../services/mfa-enrollment.js'
import { createMfaProofs, type MfaProofs } from '../../services/mfa-proofs.js'
import { createMfaSignIn, type MfaSignIn } from '../../services/mfa-sign-in.js'
import { createMfaTickets, type MfaTickets } from '../../services/mfa-tickets.js'
import { createReauthentication, type Reauthentication } from '../../services/reauthentication.js'

export interface Mfa {
  proofs: MfaProofs
  tickets: MfaTickets
  signIn: MfaSignIn
  enrollment: MfaEnrollment
}

declare module 'fastify' {
  interface FastifyInstance {
    mfa: Mfa
    reauthentication: Reauthentication
  }
}

export interface MfaOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/**
 * Outside production a missing MFA_ENCRYPTION_KEY falls back to this development value (with a
 * warning): TOTP secrets sealed under it are only as secret as this repository.
 */
export const DEVELOPMENT_KEY = 'rekam development only: set MFA_ENCRYPTION_KEY in production'

/** Second factors: TOTP, recovery codes (passkeys register their check), sign-in tickets, enrolment. */
export default fp<MfaOptions>(async function mfaPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  const now = opts.now ?? Date.now
  if (!config.MFA_ENCRYPTION_KEY && config.NODE_ENV !== 'test') {
    fastify.log.warn('MFA_ENCRYPTION_KEY is not set: TOTP secrets are sealed with a development key (set it before real users enrol)')
  }
  const totpKey = Buffer.from(hkdfSync('sha256', config.MFA_ENCRYPTION_KEY ?? DEVELOPMENT_KEY, 'rekam', 'totp-secret-seal', 32))
  const requiredRoles = mfaRequiredRoles(config)
  const proofs = createMfaProofs({ factors: fastify.mfaFactorsRepository, totpKey })
  const tickets = createMfaTickets(fastify.mfaTicketsRepository, now)
  const common = { db: fastify.db, users: fastify.usersRepository, events: fastify.securityEventsRepository, sessionManager: fastify.sessionManager, tickets, requiredRoles, now }
  fastify.decorate('mfa', {
    proofs,
    tickets,
    signIn: createMfaSignIn({ ...common, passwordCheck: fastify.passwordCheck, proofs }),
    enrollment: createMfaEnrollment({ ...common, factors: fastify.mfaFactorsRepository, notifications: fastify.notifications, totpKey, issuer: config.MFA_ISSUER }),
  })
  fastify.decorate('reauthentication', createReauthentication({
    db: fastify.db,
    passwordCheck: fastify.passwordCheck,
    proofs,
    sessions: fastify.sessionsRepository,
    events: fastify.securityEventsRepository,
    accessTokens: fastify.accessTokens,
    now,
  }))
}, {
  name: 'mfa',
  dependencies: ['mfa-factors-repository', 'mfa-tickets-repository', 'users-repository', 'security-events-repository', 'session-manager', 'password-check', 'access-tokens', 'sessions-repository', 'notifications'],
})
