import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Enroller } from '../services/mfa-enrollment.js'

export const BEARER_OR_TICKET = 'A signed-in user sends their bearer token; a user whose sign-in answered mfaEnrollmentRequired sends that ticket in the body instead (no bearer).'

/**
 * Who is enrolling: the bearer's session when one is sent, else the body's ticket (401
 * UNAUTHORIZED with neither).
 */
export async function enrollerOf (fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply, ticket: string | undefined): Promise<Enroller> {
  if (request.headers.authorization !== undefined || ticket === undefined) {
    await fastify.authenticateSession(request, reply)
    return { userId: request.user.sub, sessionId: request.user.sid }
  }
  return { ticket }
}
