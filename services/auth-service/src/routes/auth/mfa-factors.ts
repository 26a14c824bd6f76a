import { errorResponses } from '@rekam/errors'
import { IdParamsSchema, MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { FactorListSchema, RecoveryCodesSchema, toMfaFactor } from '../../schemas/mfa.js'

const tags = ['mfa']

/** The signed-in user's factors and recovery codes (inside the authenticated scope). */
const mfaFactorsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { mfa } = fastify

  fastify.get('/mfa/factors', {
    schema: {
      tags,
      security,
      summary: 'The signed-in user\'s second factors (never their secrets) and how many recovery codes are left',
      response: { 200: success(FactorListSchema), ...errorResponses(401) },
    },
  }, async (request) => {
    const { factors, recoveryCodesLeft } = await mfa.enrollment.list(request.user.sub)
    return ok({ items: factors.map(toMfaFactor), recoveryCodesLeft })
  })

  fastify.delete('/mfa/factors/:id', {
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Remove one of the signed-in user\'s factors',
      description: 'Needs a recent sign-in (step-up). The last factor of a user whose role requires one cannot be removed (409); removing a user\'s last factor voids their recovery codes.',
      params: IdParamsSchema,
      response: { 200: MessageOnlySchema, ...errorResponses(400, 401, 'STEP_UP_REQUIRED', 404, 409) },
    },
  }, async (request) => {
    await mfa.enrollment.remove(request.sessionUser!, request.params.id, request.user.sid, clientMeta(request))
    return ok(null, 'Factor removed')
  })

  fastify.post('/mfa/recovery-codes', {
    preHandler: fastify.stepUp,
    schema: {
      tags,
      security,
      summary: 'Make a new set of ten recovery codes (the old set stops working)',
      description: 'Needs a recent sign-in (step-up). The codes are shown only in this answer.',
      response: { 200: success(Type.Object({ recoveryCodes: RecoveryCodesSchema })), ...errorResponses(401, 'STEP_UP_REQUIRED', 409) },
    },
  }, async (request) => {
    return ok({ recoveryCodes: await mfa.enrollment.regenerateRecoveryCodes(request.user.sub, request.user.sid, clientMeta(request)) })
  })
}

export default mfaFactorsRoutes
