import { errorResponses, notFound } from '@rekam/errors'
import { IdParamsSchema, ok, PaginationQuerySchema, pageOf, pageResult, security, StrictObject, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PatientAccessLogEntrySchema, toPatientAccessLogEntry } from '../../schemas/record.js'

const tags = ['patients']
const PageQuerySchema = StrictObject(PaginationQuerySchema.properties)
const LogPageSchema = success(pageOf(PatientAccessLogEntrySchema))

/**
 * A profile's trail (patient_access_log): who saw or changed it, under which purpose, and who was
 * refused. The patient sees their own, with refused actors as their role only; an admin any.
 */
const patientAccessLogRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accessLogRepository, patientsRepository } = fastify

  fastify.get('/me/access-log', {
    preHandler: fastify.authorize('PATIENT'),
    schema: {
      tags,
      security,
      summary: 'Who saw or changed my profile (or was refused), when and for what purpose, oldest first',
      querystring: PageQuerySchema,
      response: { 200: LogPageSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const patient = await patientsRepository.findByUserId(request.user.sub)
    if (!patient) throw notFound('No patient profile yet: create it with PUT /api/patients/me')
    const { rows, total } = await accessLogRepository.listForPatient(patient.id, request.query)
    return ok(pageResult(rows.map((row) => toPatientAccessLogEntry(row, 'PATIENT')), request.query, total))
  })

  fastify.get('/:id/access-log', {
    preHandler: fastify.authorize('ADMIN'),
    config: { audit: { target: 'PATIENT' } },
    schema: {
      tags,
      security,
      summary: 'A patient profile\'s trail (ADMIN), oldest first',
      params: IdParamsSchema,
      querystring: PageQuerySchema,
      response: { 200: LogPageSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    if (!await patientsRepository.findById(request.params.id)) throw notFound('Patient not found')
    const { rows, total } = await accessLogRepository.listForPatient(request.params.id, request.query)
    return ok(pageResult(rows.map((row) => toPatientAccessLogEntry(row, 'ADMIN')), request.query, total))
  })
}

export default patientAccessLogRoutes
