import { requireAuthLevel } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { mfaRequiredRoles } from '../../config.js'
import { AAL2 } from '../../lib/assurance.js'
import type { Role } from '@rekam/auth-verify'

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * preHandler of the sensitive operations (RFC 9470): the token's sign-in must be at most
     * STEP_UP_MAX_AGE seconds old, and at aal2 for a user who has a second factor or whose role
     * requires one; otherwise 401 STEP_UP_REQUIRED with the challenge header. A patient without a
     * factor steps up with the password (aal1). Runs after authenticateSession.
     */
    stepUp: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
    /**
     * The same rule for a request that carries a refresh token instead of a bearer (logout of
     * the other sessions): the session's own level and sign-in time decide.
     */
    stepUpSession: (request: FastifyRequest, reply: FastifyReply, subject: { user: { id: string, role: Role }, acr: string, authTime: Date }) => Promise<void>
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
  const needsSecondFactor = async (user: { id: string, role: Role }) =>
    requiredRoles.has(user.role) || await fastify.mfaFactorsRepository.countActive(user.id) > 0
  fastify.decorate('stepUp', async function stepUp (request: FastifyRequest, reply: FastifyReply) {
    const user = request.sessionUser
    await (user !== null && await needsSecondFactor(user) ? strong : recent).call(fastify, request, reply)
  })
  fastify.decorate('stepUpSession', async function stepUpSession (request: FastifyRequest, reply: FastifyReply, subject: { user: { id: string, role: Role }, acr: string, authTime: Date }) {
    // The guard reads the claims it checks from request.user: here, the session's.
    const claims = { acr: subject.acr, auth_time: Math.floor(subject.authTime.getTime() / 1000) }
    const asToken = Object.create(request, { user: { value: claims } }) as FastifyRequest
    await (await needsSecondFactor(subject.user) ? strong : recent).call(fastify, asToken, reply)
  })
}, { name: 'step-up', dependencies: ['mfa-factors-repository'] })
