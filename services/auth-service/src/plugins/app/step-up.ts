import { requireAuthLevel } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { AAL2 } from '../../lib/assurance.js'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * preHandler of the sensitive operations (RFC 9470): the token's sign-in must be at most
     * STEP_UP_MAX_AGE seconds old, and at aal2 for a user who has a second factor or whose role
     * requires one; otherwise 401 STEP_UP_REQUIRED with the challenge header. A patient without a
     * factor steps up with the password (aal1). Runs after authenticateSession.
     */
    stepUp: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
}

export interface StepUpOptions {
  now?: (() => number) | undefined
}

export default fp<StepUpOptions>(async function stepUpPlugin (fastify: FastifyInstance, opts) {
  const maxAgeSeconds = fastify.config.STEP_UP_MAX_AGE
  const requiredRoles = mfaRequiredRoles(fastify.config)
  const strong = requireAuthLevel({ acr: AAL2, maxAgeSeconds }, { now: opts.now })
  const recent = requireAuthLevel({ maxAgeSeconds }, { now: opts.now })
  fastify.decorate('stepUp', async function stepUp (request: FastifyRequest, reply: FastifyReply) {
    const user = request.sessionUser
    const needsSecondFactor = user !== null && (requiredRoles.has(user.role) || await fastify.mfaFactorsRepository.countActive(user.id) > 0)
    await (needsSecondFactor ? strong : recent).call(fastify, request, reply)
  })
}, { name: 'step-up', dependencies: ['mfa-factors-repository'] })
