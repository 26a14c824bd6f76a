import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createEmailVerification, type EmailVerification } from '../../services/email-verification.js'

declare module 'fastify' {
  interface FastifyInstance {
    emailVerification: EmailVerification
  }
}

export interface EmailVerificationOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/** Verification links: sent at registration and on request, used by the portal's /verify-email page. */
export default fp<EmailVerificationOptions>(async function emailVerificationPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  fastify.decorate('emailVerification', createEmailVerification({
    db: fastify.db,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    mail: fastify.mail,
    tokens: fastify.emailTokens,
    counters: fastify.rateLimitsRepository,
    afterAnswer: fastify.afterAnswer,
    required: config.EMAIL_VERIFICATION === 'required',
    perAddress: config.MAIL_REQUESTS_PER_ADDRESS,
    now: opts.now ?? Date.now,
  }))
}, { name: 'email-verification', dependencies: ['after-answer', 'mail', 'email-tokens', 'users-repository', 'security-events-repository', 'rate-limits-repository'] })
