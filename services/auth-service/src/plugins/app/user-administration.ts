import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createUserAdministration, type UserAdministration } from '../../services/user-administration.js'

declare module 'fastify' {
  interface FastifyInstance {
    userAdministration: UserAdministration
  }
}

export default fp(async function userAdministrationPlugin (fastify: FastifyInstance) {
  fastify.decorate('userAdministration', createUserAdministration({
    db: fastify.db,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    revocations: fastify.revocationsRepository,
    sessionManager: fastify.sessionManager,
    passwordCheck: fastify.passwordCheck,
    notifications: fastify.notifications,
  }))
}, { name: 'user-administration', dependencies: ['users-repository', 'security-events-repository', 'revocations-repository', 'session-manager', 'password-check', 'notifications'] })
