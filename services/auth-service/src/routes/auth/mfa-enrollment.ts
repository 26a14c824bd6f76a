import { errorResponses } from '@rekam/errors'
import { ok, security, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { clientMeta } from '../../lib/client-meta.js'
import { BEARER_OR_TICKET, enrollerOf } from '../../lib/enroller.js'
import { SetCookieHeaderSchema } from '../../schemas/auth.js'
import { toMfaFactor, TotpConfirmBodySchema, TotpConfirmResultSchema, TotpStartBodySchema, TotpStartResultSchema } from '../../schemas/mfa.js'
import { toUser } from '../../schemas/user.js'

const tags = ['mfa']

/** Enrolling a TOTP authenticator: by a signed-in user, or with an enrolment ticket. */
const mfaEnrollmentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { mfa, refreshCookie } = fastify

  const enroller = (request: FastifyRequest, reply: FastifyReply, ticket: string | undefined) => enrollerOf(fastify, request, reply, ticket)

  fastify.post('/mfa/totp', {
    schema: {
      tags,
      security,
      summary: 'Start enrolling a TOTP authenticator app: its secret (shown only now) and otpauth URI',
      description: `${BEARER_OR_TICKET} The factor stays inactive until POST /api/auth/mfa/totp/confirm; starting again replaces an unconfirmed one.`,
      body: TotpStartBodySchema,
      response: { 201: success(TotpStartResultSchema), ...errorResponses(400, 401, 'MFA_TICKET_INVALID', 413, 415) },
    },
  }, async (request, reply) => {
    const who = await enroller(request, reply, request.body.ticket)
    reply.code(201)
    return ok(await mfa.enrollment.startTotp(who, request.body.name))
  })

  fastify.post('/mfa/totp/confirm', {
    schema: {
      tags,
      security,
      summary: 'Activate a TOTP authenticator with its current code',
      description: `${BEARER_OR_TICKET} The account's first factor brings ten recovery codes, shown only in this answer. With a ticket, this also signs in (user and tokens, as a login answers; tokenDelivery as there). A wrong code answers 403 MFA_CODE_INVALID (and counts on the ticket).`,
      body: TotpConfirmBodySchema,
      response: {
        200: { ...success(TotpConfirmResultSchema), ...SetCookieHeaderSchema },
        ...errorResponses(400, 401, 'MFA_TICKET_INVALID', 'MFA_CODE_INVALID', 'EMAIL_NOT_VERIFIED', 404, 409, 413, 415),
      },
    },
  }, async (request, reply) => {
    const { factorId, code, ticket, tokenDelivery } = request.body
    const who = await enroller(request, reply, ticket)
    const { factor, recoveryCodes, signedIn } = await mfa.enrollment.confirmTotp(who, factorId, code, clientMeta(request))
    return ok({
      factor: toMfaFactor(factor),
      ...(recoveryCodes ? { recoveryCodes } : {}),
      ...(signedIn ? { user: toUser(signedIn.user), tokens: refreshCookie.deliver(reply, signedIn.tokens, tokenDelivery) } : {}),
    }, 'Authenticator confirmed')
  })
}

export default mfaEnrollmentRoutes
