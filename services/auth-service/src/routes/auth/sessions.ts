import { errorResponses, notFound } from '@rekam/errors'
import { IdParamsSchema, MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { SetCookieHeaderSchema } from '../../schemas/auth.js'
import { SessionSchema, toSession } from '../../schemas/session.js'

const tags = ['account']

/** The signed-in user's live sessions (devices), and ending one of them. */
const sessionsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { sessionsRepository } = fastify

  fastify.get('/sessions', {
    schema: {
      tags,
      security,
      summary: 'Live sessions of the signed-in user',
      response: { 200: success(Type.Object({ items: Type.Array(SessionSchema) })), ...errorResponses(401) },
    },
  }, async (request) => {
    const rows = await sessionsRepository.listActive(request.user.sub)
    const items = rows.map((row) => toSession(row, request.user.sid))
    return ok({ items })
  })

  fastify.delete('/sessions/:id', {
    schema: {
      tags,
      security,
      summary: 'End one of the signed-in user\'s sessions',
      description: 'Ending the session of the access token itself clears the refresh cookie, when the request carries it.',
      params: IdParamsSchema,
      response: { 200: { ...MessageOnlySchema, ...SetCookieHeaderSchema }, ...errorResponses(400, 401, 404) },
    },
  }, async (request, reply) => {
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
