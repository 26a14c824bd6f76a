import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createAccountDeletion, type AccountDeletion } from '../../services/account-deletion.js'

declare module 'fastify' {
  interface FastifyInstance {
    accountDeletion: AccountDeletion
  }
}

export interface AccountDeletionOptions {
  /** The clock in epoch ms: the cooling-off period ends by it (tests move it 14 days). */
  now?: (() => number) | undefined
}

/** A patient's deletion of their own account, and the job that erases the due ones (housekeeping). */
export default fp<AccountDeletionOptions>(async function accountDeletionPlugin (fastify: FastifyInstance, opts) {
  fastify.decorate('accountDeletion', createAccountDeletion({
    db: fastify.db,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    revocations: fastify.revocationsRepository,
    sessionManager: fastify.sessionManager,
    notifications: fastify.notifications,
    delayDays: fastify.config.ACCOUNT_DELETION_DELAY_DAYS,
    now: opts.now ?? Date.now,
  }))
}, { name: 'account-deletion', dependencies: ['users-repository', 'security-events-repository', 'revocations-repository', 'session-manager', 'notifications'] })
