import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, ok, pageOf, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AmendmentRequestSchema } from '../../schemas/amendment-request.js'
import { MedicalRecordSchema } from '../../schemas/record.js'
import { AcceptSchema, AmendmentQueueQuerySchema, AmendmentRequestCreateSchema, AmendmentRequestParamsSchema, DeclineSchema } from '../../schemas/signing.js'
import { ETagHeaderSchema, IfMatchHeadersSchema, parseIfMatch, withETag } from '../../services/etag.js'

const tags = ['amendment requests']
const RequestDataSchema = success(Type.Object({ request: AmendmentRequestSchema }))
const onRecord = { audit: { target: 'RECORD' as const } }

/** A patient's requests to amend their records and their decisions (inside the authenticated scope of app.ts). */
const amendmentRequestRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { amendmentRequests } = fastify
  const stepUp = fastify.requireAuthLevel({ acr: 'urn:rekam:aal2', maxAgeSeconds: fastify.config.STEP_UP_MAX_AGE })

  fastify.get('/amendment-requests', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    schema: {
      tags,
      security,
      summary: 'The amendment requests to decide: a doctor\'s on the records they wrote, an admin\'s on all; by status (pending ones oldest first)',
      querystring: AmendmentQueueQuerySchema,
      response: { 200: success(pageOf(AmendmentRequestSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { page, limit, status } = request.query
    const { rows, total } = await amendmentRequests.queue({ status }, { page, limit }, request.user)
    return ok(pageResult(rows, request.query, total))
  })

  fastify.post('/:id/amendment-requests', {
    preHandler: fastify.authorize('PATIENT'),
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'Ask for an amendment of one of your records (the record\'s patient); its author or an admin accepts or declines it',
      params: IdParamsSchema,
      body: AmendmentRequestCreateSchema,
      response: { 201: RequestDataSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    reply.code(201)
    return ok({ request: await amendmentRequests.create(request.params.id, request.body.text, request.user) }, 'Amendment requested')
  })

  fastify.get('/:id/amendment-requests', {
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'A record\'s amendment requests, oldest first (its patient, its author or an admin); the read is logged',
      params: IdParamsSchema,
      response: { 200: success(Type.Object({ requests: Type.Array(AmendmentRequestSchema) })), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    return ok({ requests: await amendmentRequests.listForRecord(request.params.id, request.user, request.id) })
  })

  fastify.post('/:id/amendment-requests/:requestId/decline', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'Decline a pending request with a reason (the record\'s author or an admin); a decided one answers 409',
      params: AmendmentRequestParamsSchema,
      body: DeclineSchema,
      response: { 200: RequestDataSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const { id, requestId } = request.params
    return ok({ request: await amendmentRequests.decline(id, requestId, request.body.reason, request.user) }, 'Amendment request declined')
  })

  fastify.post('/:id/amendment-requests/:requestId/accept', {
    preHandler: [fastify.authorize('DOCTOR', 'ADMIN'), stepUp],
    // A refusal is logged as the change it attempted.
    config: { audit: { target: 'RECORD', action: 'AMEND' } },
    schema: {
      tags,
      security,
      summary: 'Accept a pending request (the record\'s author or an admin, after a second-factor sign-in): a signed record is amended, a draft updated, with the request\'s text as reason unless one is given; the version names the request. A decided one answers 409. Honours If-Match',
      params: AmendmentRequestParamsSchema,
      headers: IfMatchHeadersSchema,
      body: AcceptSchema,
      response: {
        200: { ...success(Type.Object({ request: AmendmentRequestSchema, record: MedicalRecordSchema })), ...ETagHeaderSchema },
        ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 409, 'PRECONDITION_FAILED'),
      },
    },
  }, async (request, reply) => {
    const { id, requestId } = request.params
    const accepted = await amendmentRequests.accept(id, requestId, request.body, { user: request.user, requestId: request.id, ifMatch: parseIfMatch(request.headers['if-match']) })
    withETag(reply, accepted.record)
    return ok(accepted, 'Amendment request accepted')
  })
}

export default amendmentRequestRoutes
