import { withBearerChallenge } from '@rekam/auth-verify'
import { errorResponses, notFound, tokenRevoked } from '@rekam/errors'
import { IdParamsSchema, MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { SetCookieHeaderSchema } from '../../schemas/auth.js'
import { CurrentSessionSchema, SessionSchema, toCurrentSession, toSession } from '../../schemas/session.js'

const tags = ['account']

/**
 * The signed-in user's live sessions (devices), the current one's limits, and ending one of them.
 * A session past its idle or absolute limit counts as ended here, though only its next refresh
 * marks it so (and records SESSION_EXPIRED): the limits are read with the user's role now.
 */
const sessionsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { sessionsRepository, sessionLimits } = fastify
  // The session guard has read the user (and so the current role) for every request here.
  const roleOf = (request: FastifyRequest) => request.sessionUser?.role ?? request.user.role

  fastify.get('/session', {
    schema: {
      tags,
      security,
      summary: 'The session of the access token: when it ends if left unused, and at the latest',
      description: 'idleExpiresAt is the last use (sign-in or refresh) plus the idle limit of the user\'s role: SESSION_IDLE_TIMEOUT_STAFF for the roles of MFA_REQUIRED_ROLES, REFRESH_TOKEN_TTL for the others. absoluteExpiresAt is the sign-in plus SESSION_MAX_LIFETIME_STAFF (staff) or SESSION_MAX_LIFETIME. A refresh past either answers 401 REFRESH_TOKEN_INVALID; a session past either answers 401 TOKEN_REVOKED here.',
      response: { 200: success(CurrentSessionSchema), ...errorResponses(401) },
    },
  }, async (request) => {
    const row = await sessionsRepository.findActive(request.user.sid, request.user.sub)
    const role = roleOf(request)
    if (!row || sessionLimits.exceeded(row, role)) throw withBearerChallenge(tokenRevoked())
    return ok(toCurrentSession(row, sessionLimits.expiry(row, role)))
  })

  fastify.get('/sessions', {
    schema: {
      tags,
      security,
      summary: 'Live sessions of the signed-in user',
      response: { 200: success(Type.Object({ items: Type.Array(SessionSchema) })), ...errorResponses(401) },
    },
  }, async (request) => {
    const rows = await sessionsRepository.listActive(request.user.sub)
    const role = roleOf(request)
    // expiresAt is the absolute end by the role now (shorter than the stored one after a promotion).
    const items = rows.filter((row) => !sessionLimits.exceeded(row, role))
      .map((row) => toSession({ ...row, expiresAt: sessionLimits.expiry(row, role).absoluteExpiresAt }, request.user.sid))
    return ok({ items })
  })

  fastify.delete('/sessions/:id', {
    schema: {
      tags,
      security,
      summary: 'End one of the signed-in user\'s sessions',
      description: 'Ending another session needs a recent sign-in (step-up, 401 STEP_UP_REQUIRED otherwise); ending the session of the access token itself is a logout, and clears the refresh cookie when the request carries it.',
      params: IdParamsSchema,
      response: { 200: { ...MessageOnlySchema, ...SetCookieHeaderSchema }, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 404) },
    },
  }, async (request, reply) => {
    if (request.params.id !== request.user.sid) await fastify.stepUp(request, reply)
    // Another user's session id answers 404 like an unknown one: ids reveal nothing.
    if (!await fastify.sessionManager.endSession(request.params.id, request.user.sub, 'revoked_by_user', clientMeta(request))) {
      throw notFound('Session not found')
    }
    // A browser's cookie and access token belong to one session: ending that one ends the cookie's.
    if (request.params.id === request.user.sid && fastify.refreshCookie.read(request)) fastify.refreshCookie.clear(reply)
    return ok(null, 'Session ended')
  })
}

export default sessionsRoutes
