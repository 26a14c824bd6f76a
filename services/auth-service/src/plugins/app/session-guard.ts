import { withBearerChallenge } from '@rekam/auth-verify'
import { tokenRevoked } from '@rekam/errors'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { UserRow } from '../../db/schema.js'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * auth-service's own bearer guard: a valid access token (shared verifier) whose session is
     * still live and whose user is not blocked, so logout and blocking take effect here at once.
     */
    authenticateSession: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
  interface FastifyRequest {
    /** The signed-in user as the session guard read it (set by `authenticateSession`). */
    sessionUser: UserRow | null
  }
}

export default fp(async function sessionGuardPlugin (fastify: FastifyInstance) {
  fastify.decorate('authenticateSession', async function authenticateSession (request: FastifyRequest, reply: FastifyReply) {
    await fastify.authenticate(request, reply)
    const user = await fastify.sessionsRepository.activeUser(request.user.sid, request.user.sub)
    if (!user) throw withBearerChallenge(tokenRevoked())
    request.sessionUser = user
  })
  fastify.decorateRequest('sessionUser', null)
}, { name: 'session-guard', dependencies: ['@rekam/auth-verify', 'sessions-repository'] })
