import { errorResponses, notFound } from '@rekam/errors'
import { IdParamsSchema, ok, pageOf, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PatientListQuerySchema, PatientProfileSchema, PatientSchema, toPatient } from '../../schemas/patient.js'
import { actorOf } from '../../services/actor.js'
import { assertDateOfBirth } from '../../services/date-rules.js'
import { refused } from '../../services/refusal.js'

const tags = ['patients']
const PatientDataSchema = success(Type.Object({ patient: PatientSchema }))

/**
 * Patient profiles: a patient manages their own; staff read them all, and every profile a staff
 * member is shown is written to the profile access log by the statement that reads it. A patient
 * reading or saving their own profile is not logged: the trail answers "who saw my data", and
 * the patient themself is not news to the patient.
 */
const patientsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { clock, patientsRepository } = fastify

  fastify.get('/me', {
    preHandler: fastify.authorize('PATIENT'),
    schema: { tags, security, summary: 'My patient profile', response: { 200: PatientDataSchema, ...errorResponses(401, 403, 404) } },
  }, async (request) => {
    const patient = await patientsRepository.findByUserId(request.user.sub)
    if (!patient) throw notFound('No patient profile yet: create it with PUT /api/patients/me')
    return ok({ patient: toPatient(patient) })
  })

  fastify.put('/me', {
    preHandler: fastify.authorize('PATIENT'),
    schema: {
      tags,
      security,
      summary: 'Create or replace my patient profile',
      body: PatientProfileSchema,
      response: { 200: PatientDataSchema, ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    assertDateOfBirth(request.body.dateOfBirth, clock.now())
    const patient = await patientsRepository.upsertForUser(request.user.sub, request.body)
    return ok({ patient: toPatient(patient) }, 'Profile saved')
  })

  fastify.get('/', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    schema: {
      tags,
      security,
      summary: 'List patients (an admin: all; a doctor: the patients in their care; each profile listed is audited)',
      querystring: PatientListQuerySchema,
      response: { 200: success(pageOf(PatientSchema)), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const { rows, total } = await patientsRepository.listAndLog(request.query, actorOf(request.user, request.id), clock.now())
    return ok(pageResult(rows.map(toPatient), request.query, total))
  })

  fastify.get('/:id', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: { audit: { target: 'PATIENT' } },
    schema: {
      tags,
      security,
      summary: 'One patient (an admin, or a doctor with the patient in their care or under emergency access; the read is audited with its purpose)',
      params: IdParamsSchema,
      response: { 200: PatientDataSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const found = await patientsRepository.readAndLog(request.params.id, actorOf(request.user, request.id), clock.now())
    if (!found) throw notFound('Patient not found')
    if (found.purpose === null) throw refused('NOT_IN_CARE', 'This patient is not in your care: ask to be added to their care team, or use emergency access')
    return ok({ patient: toPatient(found.patient) })
  })
}

export default patientsRoutes
