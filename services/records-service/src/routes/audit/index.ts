import { errorResponses } from '@rekam/errors'
import { AuditVerifySchema, IdParamsSchema, ok, PaginationQuerySchema, pageOf, pageResult, security, StrictObject, success, toAuditVerify, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { EmergencyAccessSchema, EmergencyListQuerySchema, EmergencyReviewSchema, RefusalSchema, toEmergencyAccess, toRefusal } from '../../schemas/care.js'

const tags = ['audit']

/** The admins' views of the trail: the emergency-access review queue, refused accesses and the trail's integrity. */
const auditRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { careTeam, accessLogRepository, auditSealer } = fastify
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

  fastify.get('/verify', {
    schema: {
      tags,
      security,
      summary: 'Verify the access logs (record_access_log, patient_access_log): seals the pending rows, then checks every seal, its chain and MAC, and every sealed row; intact, or the first mismatch of each trail (docs/audit-trail.md)',
      response: { 200: success(AuditVerifySchema), ...errorResponses(401, 403) },
    },
  }, async () => ok(toAuditVerify(await auditSealer.verify())))
}

export default auditRoutes
