import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CareAssignSchema, CareGrantSchema, CareRelationshipSchema, DoctorIdParamsSchema, EmergencyAccessSchema, EmergencyRequestSchema,
  RelationshipParamsSchema, toCareRelationship, toEmergencyAccess,
} from '../../schemas/care.js'

const tags = ['care']
const TeamSchema = success(Type.Object({ items: Type.Array(CareRelationshipSchema) }))
const RelationshipDataSchema = success(Type.Object({ relationship: CareRelationshipSchema }))
const GrantDataSchema = success(Type.Object({ grant: EmergencyAccessSchema }))
/** A 403 on these routes writes a DENIED row in the patient's profile log (plugins/app/refusal-audit.ts). */
const onPatient = { audit: { target: 'PATIENT' as const } }

/**
 * Care teams (who treats a patient, on whose word) and break-the-glass, under /api/patients.
 * The patient manages their own team; admins assign and end; a doctor in care refers; a doctor
 * outside it asks for emergency access with a fresh second factor.
 */
const careTeamRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { careTeam } = fastify
  const stepUp = fastify.requireAuthLevel({ acr: 'urn:rekam:aal2', maxAgeSeconds: fastify.config.STEP_UP_MAX_AGE })

  fastify.get('/me/care-team', {
    preHandler: fastify.authorize('PATIENT'),
    schema: { tags, security, summary: 'My care team: active relationships first, then ended ones, newest first', response: { 200: TeamSchema, ...errorResponses(401, 403, 404) } },
  }, async (request) => {
    return ok({ items: (await careTeam.myTeam(request.user)).map(toCareRelationship) })
  })

  fastify.post('/me/care-team', {
    preHandler: fastify.authorize('PATIENT'),
    schema: {
      tags,
      security,
      summary: 'Grant a doctor access to my profile and records (GRANTED, until I revoke it)',
      body: CareGrantSchema,
      response: { 201: RelationshipDataSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const relationship = await careTeam.grantByPatient(request.user, request.body.doctorId)
    reply.code(201)
    return ok({ relationship: toCareRelationship(relationship) }, 'Doctor added to your care team')
  })

  fastify.delete('/me/care-team/:doctorId', {
    preHandler: fastify.authorize('PATIENT'),
    schema: {
      tags,
      security,
      summary: 'Remove a doctor from my care team: ends every open relationship of that doctor with me, whatever its source',
      params: DoctorIdParamsSchema,
      response: { 200: success(Type.Object({ ended: Type.Integer({ minimum: 1 }) })), ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    return ok({ ended: await careTeam.revokeByPatient(request.user, request.params.doctorId) }, 'Doctor removed from your care team')
  })

  fastify.get('/me/emergency-access', {
    preHandler: fastify.authorize('PATIENT'),
    schema: {
      tags,
      security,
      summary: 'Emergency (break-the-glass) accesses to my data: who, why, when, and the admin\'s review',
      response: { 200: success(Type.Object({ items: Type.Array(EmergencyAccessSchema) })), ...errorResponses(401, 403, 404) },
    },
  }, async (request) => {
    return ok({ items: (await careTeam.grantsOnMe(request.user)).map(toEmergencyAccess) })
  })

  fastify.get('/:id/care-team', {
    preHandler: fastify.authorize('DOCTOR', 'ADMIN'),
    config: onPatient,
    schema: {
      tags,
      security,
      summary: 'A patient\'s care team (an admin, or a doctor in the patient\'s care)',
      params: IdParamsSchema,
      response: { 200: TeamSchema, ...errorResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    return ok({ items: (await careTeam.teamOf(request.params.id, request.user)).map(toCareRelationship) })
  })

  fastify.post('/:id/care-team', {
    preHandler: fastify.authorize('ADMIN'),
    config: onPatient,
    schema: {
      tags,
      security,
      summary: 'Assign a doctor to a patient (ADMIN; ASSIGNED, until ended)',
      params: IdParamsSchema,
      body: CareAssignSchema,
      response: { 201: RelationshipDataSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const relationship = await careTeam.assign(request.params.id, request.body, request.user)
    reply.code(201)
    return ok({ relationship: toCareRelationship(relationship) }, 'Doctor assigned')
  })

  fastify.delete('/:id/care-team/:relationshipId', {
    preHandler: fastify.authorize('ADMIN'),
    config: onPatient,
    schema: {
      tags,
      security,
      summary: 'End one care relationship of a patient (ADMIN)',
      params: RelationshipParamsSchema,
      response: { 200: RelationshipDataSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const relationship = await careTeam.endOne(request.params.id, request.params.relationshipId, request.user)
    return ok({ relationship: toCareRelationship(relationship) }, 'Care relationship ended')
  })

  fastify.post('/:id/referrals', {
    preHandler: fastify.authorize('DOCTOR'),
    config: onPatient,
    schema: {
      tags,
      security,
      summary: 'Refer a patient in my care to another doctor (REFERRED, for REFERRAL_DAYS days)',
      params: IdParamsSchema,
      body: CareAssignSchema,
      response: { 201: RelationshipDataSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const relationship = await careTeam.refer(request.params.id, request.body, request.user)
    reply.code(201)
    return ok({ relationship: toCareRelationship(relationship) }, 'Patient referred')
  })

  fastify.post('/:id/emergency-access', {
    // The role first (others are refused, not asked to confirm), then a recent second factor.
    preHandler: [fastify.authorize('DOCTOR'), stepUp],
    config: onPatient,
    schema: {
      tags,
      security,
      summary: 'Break the glass: read access to a patient outside my care for EMERGENCY_ACCESS_MINUTES, after a second-factor sign-in within STEP_UP_MAX_AGE seconds; every read is marked EMERGENCY and the grant is reviewed by an admin',
      params: IdParamsSchema,
      body: EmergencyRequestSchema,
      response: { 201: GrantDataSchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 403, 404, 409) },
    },
  }, async (request, reply) => {
    const grant = await careTeam.breakGlass(request.params.id, request.body.reason, request.user, request.id)
    reply.code(201)
    return ok({ grant: toEmergencyAccess(grant) }, 'Emergency access granted')
  })
}

export default careTeamRoutes
