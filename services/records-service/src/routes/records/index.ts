import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, MessageOnlySchema, ok, PaginationQuerySchema, pageOf, pageResult, security, StrictObject, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessLogEntrySchema, MedicalRecordSchema, RecordCreateSchema, RecordDeleteSchema, RecordListQuerySchema, RecordUpdateSchema, toAccessLogEntry } from '../../schemas/record.js'
import { ETagHeaderSchema, etagOf, IfMatchHeadersSchema, parseIfMatch, withETag } from '../../services/etag.js'
import { PERMISSIONS } from '../../services/permissions.js'

const tags = ['records']
const RecordDataSchema = { ...success(Type.Object({ record: MedicalRecordSchema })), ...ETagHeaderSchema }
/** A 403 on these routes writes a DENIED row in the target's access log (plugins/app/refusal-audit.ts). */
const onRecord = { audit: { target: 'RECORD' as const } }

/**
 * Medical records (inside the authenticated scope of app.ts); reads and writes are audited. A
 * response carrying one record has its version as ETag (`"<version>"`).
 */
const recordsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { recordAccess, recordChanges } = fastify
  const stepUp = fastify.requireAuthLevel({ acr: 'urn:rekam:aal2', maxAgeSeconds: fastify.config.STEP_UP_MAX_AGE })

  fastify.get('/', {
    // A patient asking for someone else's records is refused on that patient.
    config: { audit: { target: 'PATIENT', from: 'query.patientId' } },
    schema: {
      tags,
      security,
      summary: 'List records: a patient gets their own; a doctor those of the patients in their care; an admin all. Staff filter by patient, doctor and visit dates',
      querystring: RecordListQuerySchema,
      response: { 200: success(pageOf(MedicalRecordSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    return ok(await recordAccess.list(request.query, request.user, request.id))
  })

  fastify.get('/permissions', {
    schema: {
      tags,
      security,
      summary: 'What the signed-in user may do here, from their token alone (no database work)',
      response: {
        200: success(Type.Object({
          userId: Type.String({ format: 'uuid' }),
          role: Type.String(),
          permissions: Type.Array(Type.String()),
          expiresAt: Type.String({ format: 'date-time' }),
        })),
        ...errorResponses(401),
      },
    },
  }, async (request) => {
    const { sub, role, exp } = request.user
    return ok({ userId: sub, role, permissions: [...PERMISSIONS[role]], expiresAt: new Date(exp * 1000).toISOString() })
  })

  fastify.get('/:id', {
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'One record: its patient, an admin, or a doctor with the patient in their care (TREATMENT) or under emergency access (EMERGENCY); 403 otherwise. A deleted record is answered to its patient and admins (with deletedAt), 404 to doctors',
      params: IdParamsSchema,
      response: { 200: RecordDataSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    return ok({ record: withETag(reply, await recordAccess.get(request.params.id, request.user, request.id)) })
  })

  fastify.post('/', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: { audit: { target: 'PATIENT', from: 'body.patientId' } },
    schema: {
      tags,
      security,
      summary: 'Write a record (a doctor as themselves, for a patient in their care; an admin names the doctor). The author joins the patient\'s care team (AUTHORED)',
      body: RecordCreateSchema,
      response: { 201: RecordDataSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const record = await recordAccess.create(request.body, request.user, request.id)
    reply.code(201)
    return ok({ record: withETag(reply, record) }, 'Medical record created')
  })

  fastify.patch('/:id', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'Change a draft record (its author or an admin): writes its next version (kind UPDATED, with the optional reason). With If-Match ("<version>" from the ETag, or *) only if the record is still at that version, else 412 PRECONDITION_FAILED naming the current one. A signed (final) record answers 409 RECORD_FINAL: it changes by amendment',
      params: IdParamsSchema,
      headers: IfMatchHeadersSchema,
      body: RecordUpdateSchema,
      response: { 200: RecordDataSchema, ...errorResponses(400, 401, 403, 404, 'RECORD_FINAL', 'PRECONDITION_FAILED') },
    },
  }, async (request, reply) => {
    const record = await recordChanges.update(request.params.id, request.body, parseIfMatch(request.headers['if-match']), request.user, request.id)
    return ok({ record: withETag(reply, record) }, 'Medical record updated')
  })

  fastify.delete('/:id', {
    // The role first (a patient is refused, not asked to confirm), then a recent second factor.
    preHandler: [fastify.authorize('DOCTOR', 'ADMIN'), stepUp],
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'Enter a record in error (its author or an admin, after a second-factor sign-in within STEP_UP_MAX_AGE seconds), with a reason: its next version has status entered-in-error (kind ENTERED_IN_ERROR). It is hidden from lists and from doctors, never erased: its patient and admins still read it, its history and its trail. A signed record too. If-Match as for PATCH',
      params: IdParamsSchema,
      headers: IfMatchHeadersSchema,
      body: RecordDeleteSchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 'PRECONDITION_FAILED') },
    },
  }, async (request, reply) => {
    const record = await recordChanges.enterInError(request.params.id, request.body.reason, parseIfMatch(request.headers['if-match']), request.user, request.id)
    reply.header('etag', etagOf(record.version))
    return ok(null, 'Medical record entered in error')
  })

  fastify.get('/:id/access-log', {
    preHandler: fastify.authorize('PATIENT', 'ADMIN'),
    config: onRecord,
    schema: {
      tags,
      security,
      summary: 'Who read or changed the record (or was refused), when and for what purpose (the record\'s patient, or an admin; a patient sees a refused entry without the actor\'s id)',
      params: IdParamsSchema,
      querystring: StrictObject(PaginationQuerySchema.properties),
      response: { 200: success(pageOf(AccessLogEntrySchema)), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { rows, total } = await recordAccess.accessLog(request.params.id, request.user, request.query)
    return ok(pageResult(rows.map((row) => toAccessLogEntry(row, request.user.role)), request.query, total))
  })
}

export default recordsRoutes
