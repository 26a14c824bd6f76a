import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createEmailChange, type EmailChange } from '../../services/email-change.js'

declare module 'fastify' {
  interface FastifyInstance {
    emailChange: EmailChange
  }
}

export interface EmailChangeOptions {
  /** The clock in epoch ms; the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/** Changing the account's email by a link mailed to the new address. */
export default fp<EmailChangeOptions>(async function emailChangePlugin (fastify: FastifyInstance, opts) {
  fastify.decorate('emailChange', createEmailChange({
    db: fastify.db,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    passwordCheck: fastify.passwordCheck,
    emailTokens: fastify.emailTokens,
    mail: fastify.mail,
    notifications: fastify.notifications,
    publicUrl: fastify.config.PUBLIC_URL,
    now: opts.now ?? Date.now,
  }))
}, { name: 'email-change', dependencies: ['users-repository', 'security-events-repository', 'password-check', 'email-tokens', 'mail', 'notifications'] })
