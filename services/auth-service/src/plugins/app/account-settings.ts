import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createAccountSettings, type AccountSettings } from '../../services/account-settings.js'

declare module 'fastify' {
  interface FastifyInstance {
    accountSettings: AccountSettings
  }
}

/** The signed-in user's changes to their own account, for the account routes. */
export default fp(async function accountSettingsPlugin (fastify: FastifyInstance) {
  fastify.decorate('accountSettings', createAccountSettings({
    db: fastify.db,
    passwords: fastify.passwords,
    passwordCheck: fastify.passwordCheck,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    sessionManager: fastify.sessionManager,
    emailTokens: fastify.emailTokens,
    notifications: fastify.notifications,
  }))
}, { name: 'account-settings', dependencies: ['passwords', 'password-check', 'users-repository', 'security-events-repository', 'session-manager', 'email-tokens', 'notifications'] })
