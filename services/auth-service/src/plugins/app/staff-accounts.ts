import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { clinicName, mailInvitation } from '../../services/invite-mail.js'
import { createStaffAccounts, type StaffAccounts } from '../../services/staff-accounts.js'

declare module 'fastify' {
  interface FastifyInstance {
    staffAccounts: StaffAccounts
  }
}

export interface StaffAccountsOptions {
  /** The clock in epoch ms (links' expiry); the system clock unless a test moves time instead of waiting. */
  now?: (() => number) | undefined
}

/** Accounts an admin creates, and the set-password links their owners get by mail and open. */
export default fp<StaffAccountsOptions>(async function staffAccountsPlugin (fastify: FastifyInstance, opts) {
  const { config } = fastify
  fastify.decorate('staffAccounts', createStaffAccounts({
    db: fastify.db,
    passwords: fastify.passwords,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    tokens: fastify.setPasswordTokensRepository,
    emailTokens: fastify.emailTokens,
    notifications: fastify.notifications,
    publicUrl: config.PUBLIC_URL,
    deliver: mailInvitation({ mail: fastify.mail, clinic: clinicName(config), mfaRoles: mfaRequiredRoles(config) }),
    now: opts.now,
  }))
}, { name: 'staff-accounts', dependencies: ['passwords', 'users-repository', 'security-events-repository', 'set-password-tokens-repository', 'mail', 'email-tokens', 'notifications'] })
