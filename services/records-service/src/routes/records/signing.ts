import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MedicalRecordSchema } from '../../schemas/record.js'
import { AmendmentSchema } from '../../schemas/signing.js'
import { ETagHeaderSchema, IfMatchHeadersSchema, parseIfMatch, withETag } from '../../services/etag.js'

const tags = ['records']
const RecordDataSchema = { ...success(Type.Object({ record: MedicalRecordSchema })), ...ETagHeaderSchema }

/**
 * Signing a record and amending a signed one (inside the authenticated scope of app.ts). Both ask
 * for a recent second factor, like deleting; a 403 writes a DENIED row (SIGN or AMEND).
 */
const signingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { recordSigning } = fastify
  const stepUp = fastify.requireAuthLevel({ acr: 'urn:rekam:aal2', maxAgeSeconds: fastify.config.STEP_UP_MAX_AGE })

  fastify.post('/:id/sign', {
    // The role first (an admin or a patient is refused, not asked to confirm), then a recent second factor.
    preHandler: [fastify.authorize('DOCTOR'), stepUp],
    config: { audit: { target: 'RECORD', action: 'SIGN' } },
    schema: {
      tags,
      security,
      summary: 'Sign a draft (its author, after a second-factor sign-in within STEP_UP_MAX_AGE seconds): it becomes final, version n+1, with a detached JWS verifiable with GET /api/records/.well-known/jwks.json. Honours If-Match',
      params: IdParamsSchema,
      headers: IfMatchHeadersSchema,
      response: { 200: RecordDataSchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 'RECORD_FINAL', 'PRECONDITION_FAILED') },
    },
  }, async (request, reply) => {
    const record = await recordSigning.sign(request.params.id, { user: request.user, requestId: request.id, ifMatch: parseIfMatch(request.headers['if-match']) })
    return ok({ record: withETag(reply, record) }, 'Medical record signed')
  })

  fastify.post('/:id/amendments', {
    preHandler: [fastify.authorize('DOCTOR', 'ADMIN'), stepUp],
    config: { audit: { target: 'RECORD', action: 'AMEND' } },
    schema: {
      tags,
      security,
      summary: 'Amend a signed record (its author or an admin, after a second-factor sign-in): version n+1 with the changes, signed by the amender and linked to version n, which stays readable in the history. A draft answers 400 (change it with PATCH). Honours If-Match',
      params: IdParamsSchema,
      headers: IfMatchHeadersSchema,
      body: AmendmentSchema,
      response: { 201: RecordDataSchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 'PRECONDITION_FAILED') },
    },
  }, async (request, reply) => {
    const record = await recordSigning.amend(request.params.id, request.body, { user: request.user, requestId: request.id, ifMatch: parseIfMatch(request.headers['if-match']) })
    reply.code(201)
    return ok({ record: withETag(reply, record) }, 'Medical record amended')
  })
}

export default signingRoutes
