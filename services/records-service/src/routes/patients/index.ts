import { errorResponse, errorResponses, notFound } from '@rekam/errors'
import { IdParamsSchema, ok, pageOf, pageResult, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { INTAKE_SEARCH_LIMIT } from '../../plugins/app/patient-intake.js'
import {
  ClaimCodeSchema, ClaimSchema, IntakeSearchSchema, PatientIntakeSchema, PatientListQuerySchema, PatientProfileSchema, PatientRegistrationSchema,
  PatientSchema, toPatient as toPatientWith, type Patient,
} from '../../schemas/patient.js'
import type { PatientRow } from '../../db/schema.js'
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
  const { clock, config, patientsRepository, patientIntake, patientData } = fastify
  const toPatient = (row: PatientRow): Patient => toPatientWith(row, patientData)

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

  fastify.post('/', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    schema: {
      tags,
      security,
      summary: 'Register a patient at the front desk (staff; audited)',
      description: 'A patient without an account, with an MRN assigned by the service. NIK and BPJS numbers are stored encrypted. ' +
        'The same NIK or BPJS number twice is 409 CONFLICT (naming the MRN); a similar name (lower case, white space ignored, one a prefix of the other) ' +
        'with the same date of birth is 409 POSSIBLE_DUPLICATE unless confirmDuplicates is true. A doctor who registers a patient is in their care (REGISTERED).',
      body: PatientRegistrationSchema,
      response: { 201: PatientDataSchema, ...errorResponses(400, 401, 403), 409: errorResponse(409, ['CONFLICT', 'POSSIBLE_DUPLICATE']) },
    },
  }, async (request, reply) => {
    assertDateOfBirth(request.body.dateOfBirth, clock.now())
    const patient = await patientIntake.register(request.body, actorOf(request.user, request.id))
    return reply.code(201).send(ok({ patient: toPatient(patient) }, `Patient registered: ${patient.mrn}`))
  })

  fastify.post('/intake-search', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    schema: {
      tags,
      security,
      summary: 'Find a returning patient at the front desk (staff; each patient found is audited)',
      description: 'Exactly one of: an MRN, a NIK, a BPJS number (exact matches), or a full name with a date of birth (the duplicate check: ' +
        `similar names born that day). Minimal demographics only, at most ${INTAKE_SEARCH_LIMIT}; no care relationship needed. ` +
        'A POST so that a NIK never sits in a URL or a log line.',
      body: IntakeSearchSchema,
      response: { 200: success(Type.Object({ items: Type.Array(PatientIntakeSchema) })), ...errorResponses(400, 401, 403) },
    },
  }, async (request) => {
    const items = await patientIntake.search(request.body, actorOf(request.user, request.id))
    return ok({ items })
  })

  fastify.post('/:id/claim-code', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: { audit: { target: 'PATIENT' } },
    schema: {
      tags,
      security,
      summary: 'Issue a one-time code with which the patient claims this profile (admin, or a doctor caring for the patient)',
      description: `12 characters of Crockford base32 shown as XXXX-XXXX-XXXX, valid ${config.CLAIM_CODE_HOURS} hours (CLAIM_CODE_HOURS), single use; ` +
        'only its hash is stored, and issuing a new one voids the unused ones. 409 CONFLICT when the profile is claimed already.',
      params: IdParamsSchema,
      response: { 201: success(ClaimCodeSchema), ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { code, expiresAt } = await patientIntake.issueClaimCode(request.params.id, actorOf(request.user, request.id))
    return reply.code(201).send(ok({ code, expiresAt: expiresAt.toISOString() }, 'Claim code issued'))
  })

  fastify.post('/claim', {
    preHandler: fastify.authorize('PATIENT'),
    config: {
      rateLimit: {
        max: config.RATE_LIMIT_CLAIM,
        timeWindow: 15 * 60_000,
        groupId: 'patient-claim',
        hook: 'preHandler',
        keyGenerator: (request) => `claim:${request.user.sub}`,
      },
    },
    schema: {
      tags,
      security,
      summary: 'Claim a profile registered at the front desk with its code (patient)',
      description: 'Links the profile to the signed-in account. The code is case-insensitive; dashes and spaces are ignored. ' +
        `400 CLAIM_CODE_INVALID for an unknown, used, replaced or expired code; 409 CONFLICT when the caller has a profile; ${config.RATE_LIMIT_CLAIM} attempts per 15 minutes per user.`,
      body: ClaimSchema,
      response: { 200: PatientDataSchema, ...errorResponses(401, 403, 409, 429), 400: errorResponse(400, ['CLAIM_CODE_INVALID'], true) },
    },
  }, async (request) => {
    const patient = await patientIntake.claim(request.body.code, actorOf(request.user, request.id))
    return ok({ patient: toPatient(patient) }, `Profile ${patient.mrn} is now yours`)
  })
}

export default patientsRoutes
