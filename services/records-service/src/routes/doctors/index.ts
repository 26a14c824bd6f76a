import { conflict, errorResponses, isUniqueViolation, notFound } from '@rekam/errors'
import { ok, pageOf, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DoctorListItemSchema, DoctorListQuerySchema, DoctorProfileSchema, DoctorSchema, toDoctor, toDoctorSummary } from '../../schemas/doctor.js'

const tags = ['doctors']
const DoctorDataSchema = success(Type.Object({ doctor: DoctorSchema }))

/** Doctor profiles: a doctor manages their own; anyone signed in may list doctors. */
const doctorsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { doctorsRepository } = fastify

  fastify.get('/me', {
    preHandler: fastify.authorize('DOCTOR'),
    schema: { tags, security, summary: 'My doctor profile', response: { 200: DoctorDataSchema, ...errorResponses(401, 403, 404) } },
  }, async (request) => {
    const doctor = await doctorsRepository.findByUserId(request.user.sub)
    if (!doctor) throw notFound('No doctor profile yet: create it with PUT /api/doctors/me')
    return ok({ doctor: toDoctor(doctor) })
  })

  fastify.put('/me', {
    preHandler: fastify.authorize('DOCTOR'),
    schema: {
      tags,
      security,
      summary: 'Create or replace my doctor profile',
      body: DoctorProfileSchema,
      response: { 200: DoctorDataSchema, ...errorResponses(400, 401, 403, 409) },
    },
  }, async (request) => {
    try {
      const doctor = await doctorsRepository.upsertForUser(request.user.sub, request.body)
      return ok({ doctor: toDoctor(doctor) }, 'Profile saved')
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('That licence number is already registered to another doctor')
      throw err
    }
  })

  fastify.get('/', {
    schema: {
      tags,
      security,
      summary: 'List doctors (a patient sees each one\'s name and specialization only)',
      querystring: DoctorListQuerySchema,
      response: { 200: success(pageOf(DoctorListItemSchema)), ...errorResponses(400, 401) },
    },
  }, async (request) => {
    const { rows, total } = await doctorsRepository.list(request.query)
    const { page, limit } = request.query
    // A patient chooses a doctor by name and specialization; user ids and licence numbers are staff business.
    const items = request.user.role === 'PATIENT' ? rows.map(toDoctorSummary) : rows.map(toDoctor)
    return ok({ items, page, limit, total })
  })
}

export default doctorsRoutes
