import { errorResponses } from '@rekam/errors'
import { ok, security, StrictObject, success, Type, UuidSchema } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AmendmentRequestSchema } from '../../schemas/amendment-request.js'
import { RecordVersionSchema } from '../../schemas/record-version.js'

const tags = ['records']
/** A 403 writes a DENIED row in the record's access log (plugins/app/refusal-audit.ts), as on the record's other routes. */
const onRecord = { audit: { target: 'RECORD' as const } }
const WHO = 'Read as the record itself is (its patient, an admin, a doctor with the patient in care or under emergency access; a record entered in error by its patient and admins, 404 to doctors) and logged as a READ of the record with its purpose'

/** A record's versions (inside the records prefix of app.ts): every change kept, never overwritten. */
const recordHistoryRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { recordAccess } = fastify

  fastify.get('/:id/history', {
    config: onRecord,
    schema: {
      tags,
      security,
      summary: `Every version of the record, oldest first (the full content after each change, who, when, why, its signature), and the patient's amendment requests. ${WHO}`,
      params: StrictObject({ id: UuidSchema }),
      response: {
        200: success(Type.Object({ versions: Type.Array(RecordVersionSchema), amendmentRequests: Type.Array(AmendmentRequestSchema) })),
        ...errorResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    return ok(await recordAccess.history(request.params.id, request.user, request.id))
  })

  fastify.get('/:id/history/:version', {
    config: onRecord,
    schema: {
      tags,
      security,
      summary: `One version of the record (404 when it has no such version). ${WHO}`,
      params: StrictObject({ id: UuidSchema, version: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
      response: { 200: success(Type.Object({ version: RecordVersionSchema })), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    return ok({ version: await recordAccess.version(request.params.id, request.params.version, request.user, request.id) })
  })
}

export default recordHistoryRoutes
