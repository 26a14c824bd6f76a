import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createCredentials, type Credentials } from '../../services/credentials.js'

declare module 'fastify' {
  interface FastifyInstance {
    credentials: Credentials
  }
}

/** Registration and sign-in, for the credential routes. */
export default fp(async function credentialsPlugin (fastify: FastifyInstance) {
  fastify.decorate('credentials', createCredentials({
    db: fastify.db,
    passwords: fastify.passwords,
    passwordCheck: fastify.passwordCheck,
    users: fastify.usersRepository,
    events: fastify.securityEventsRepository,
    sessionManager: fastify.sessionManager,
    mfaSignIn: fastify.mfa.signIn,
    verification: fastify.emailVerification,
  }))
}, { name: 'credentials', dependencies: ['passwords', 'password-check', 'users-repository', 'security-events-repository', 'session-manager', 'mfa', 'email-verification'] })
