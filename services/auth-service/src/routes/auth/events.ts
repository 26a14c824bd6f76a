import { errorResponses } from '@rekam/errors'
import { pageOf, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LoginHistoryQuerySchema, SecurityEventQuerySchema, SecurityEventSchema, toSecurityEvent } from '../../schemas/security-event.js'
import { noStore } from '@rekam/server-kit'

const tags = ['security']
const security = [{ bearerAuth: [] }]
const EventPageSchema = success(pageOf(SecurityEventSchema))

/** The security audit trail: all of it for admins, their own sign-ins for everyone. */
const eventsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { securityEventsRepository } = fastify
  // Tokens and medical data are never kept by caches, even on errors.
  fastify.addHook('onRequest', noStore)
  fastify.addHook('onRequest', fastify.authenticateSession)

  fastify.get('/events', {
    preHandler: fastify.authorize('ADMIN'),
    schema: {
      tags,
      security,
      summary: 'Security events, newest first; filter by type, user and time',
      querystring: SecurityEventQuerySchema,
      response: { 200: EventPageSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await securityEventsRepository.list(request.query)
    const { page, limit } = request.query
    return { success: true as const, data: { items: rows.map(toSecurityEvent), page, limit, total } }
  })

  fastify.get('/login-history', {
    schema: {
      tags,
      security,
      summary: 'My sign-ins, successful and failed, newest first',
      querystring: LoginHistoryQuerySchema,
      response: { 200: EventPageSchema, ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const { page, limit } = request.query
    const { rows, total } = await securityEventsRepository.loginHistory(request.user.sub, { page, limit })
    return { success: true as const, data: { items: rows.map(toSecurityEvent), page, limit, total } }
  })
}

export default eventsRoutes
