import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createPasswordReset, type PasswordReset } from '../../services/password-reset.js'
import { createPasswordResetLinks, type PasswordResetLinks } from '../../services/password-reset-links.js'

declare module 'fastify' {
  interface FastifyInstance {
    passwordResetLinks: PasswordResetLinks
    passwordReset: PasswordReset
  }
}

export interface PasswordResetOptions {
  /** The clock in epoch ms (link expiry, TOTP steps); tests move it instead of waiting. */
  now?: (() => number) | undefined
}

/** Password reset: the link by mail (asked for by the user or sent by an admin) and the new password with it. */
export default fp<PasswordResetOptions>(async function passwordResetPlugin (fastify: FastifyInstance, opts) {
  const now = opts.now ?? Date.now
  const { config } = fastify
  const common = { db: fastify.db, users: fastify.usersRepository, events: fastify.securityEventsRepository, emailTokens: fastify.emailTokens, now }
  const links = createPasswordResetLinks({
    ...common,
    mail: fastify.mail,
    counters: fastify.rateLimitsRepository,
    perAddress: config.MAIL_REQUESTS_PER_ADDRESS,
    perAccount: config.PASSWORD_RESETS_PER_ACCOUNT,
    afterAnswer: fastify.afterAnswer,
    log: fastify.log,
  })
  fastify.decorate('passwordResetLinks', links)
  fastify.decorate('passwordReset', createPasswordReset({
    ...common,
    notifications: fastify.notifications,
    passwords: fastify.passwords,
    passwordCheck: fastify.passwordCheck,
    proofs: fastify.mfa.proofs,
    ceremonies: fastify.webauthn.ceremonies,
    sessionManager: fastify.sessionManager,
  }))
}, {
  name: 'password-reset',
  dependencies: ['after-answer', 'mail', 'email-tokens', 'notifications', 'passwords', 'password-check', 'mfa', 'webauthn', 'session-manager', 'rate-limits-repository', 'users-repository', 'security-events-repository'],
})
