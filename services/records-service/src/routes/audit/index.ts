import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, ok, PaginationQuerySchema, pageOf, pageResult, security, StrictObject, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EmergencyAccessSchema, EmergencyListQuerySchema, EmergencyReviewSchema, RefusalSchema, toEmergencyAccess, toRefusal } from '../../schemas/care.js'

const tags = ['audit']

/** The admins' views of the trail: the emergency-access review queue and refused accesses. */
const auditRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { careTeam, accessLogRepository } = fastify
  fastify.addHook('preHandler', fastify.authorize('ADMIN'))

  fastify.get('/emergency-access', {
    schema: {
      tags,
      security,
      summary: 'Emergency accesses to review (status=pending, the default, oldest first), reviewed or all (newest first)',
      querystring: EmergencyListQuerySchema,
      response: { 200: success(pageOf(EmergencyAccessSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await careTeam.reviewQueue(request.query)
    return ok(pageResult(rows.map(toEmergencyAccess), request.query, total))
  })

  fastify.post('/emergency-access/:id/review', {
    schema: {
      tags,
      security,
      summary: 'Review an emergency access: APPROPRIATE or INAPPROPRIATE, with a note (once)',
      params: IdParamsSchema,
      body: EmergencyReviewSchema,
      response: { 200: success(Type.Object({ grant: EmergencyAccessSchema })), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const grant = await careTeam.review(request.params.id, request.body, request.user)
    return ok({ grant: toEmergencyAccess(grant) }, 'Review saved')
  })

  fastify.get('/refusals', {
    schema: {
      tags,
      security,
      summary: 'Refused accesses to patients and records, newest first (identical refusals within a minute are one entry with a count)',
      querystring: StrictObject(PaginationQuerySchema.properties),
      response: { 200: success(pageOf(RefusalSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await accessLogRepository.listRefusals(request.query)
    return ok(pageResult(rows.map(toRefusal), request.query, total))
  })
}

export default auditRoutes
