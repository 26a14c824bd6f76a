import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createStaffAccounts, type StaffAccounts } from '../../services/staff-accounts.js'

declare module 'fastify' {
  interface FastifyInstance {
    staffAccounts: StaffAccounts
  }
}

/** Accounts an admin creates, and the set-password links their owners open. */
export default fp(async function staffAccountsPlugin (fastify: FastifyInstance) {
  fastify.decorate('staffAccounts', createStaffAccounts({
    db: fastify.db,
    passwords: fastify.passwords,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    tokens: fastify.setPasswordTokensRepository,
    publicUrl: fastify.config.PUBLIC_URL,
    notifications: fastify.notifications,
  }))
}, { name: 'staff-accounts', dependencies: ['passwords', 'users-repository', 'security-events-repository', 'set-password-tokens-repository', 'notifications'] })
