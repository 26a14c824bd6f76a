import { errorResponses } from '@rekam/errors'
import { ok, pageOf, pageResult, security, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LoginHistoryQuerySchema, SecurityEventQuerySchema, SecurityEventSchema, toSecurityEvent } from '../../schemas/security-event.js'

const tags = ['security']
const EventPageSchema = success(pageOf(SecurityEventSchema))

/** The security audit trail: all of it for admins, their own sign-ins for everyone. */
const eventsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { securityEventsRepository } = fastify

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
    return ok(pageResult(rows.map(toSecurityEvent), request.query, total))
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
    const { rows, total } = await securityEventsRepository.loginHistory(request.user.sub, request.query)
    return ok(pageResult(rows.map(toSecurityEvent), request.query, total))
  })
}

export default eventsRoutes
