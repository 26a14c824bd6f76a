import { errorResponses } from '@rekam/errors'
import { ok, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { SetCookieHeaderSchema } from '../../schemas/auth.js'
import { MfaVerifyBodySchema, SignedInSchema } from '../../schemas/mfa.js'
import { toUser } from '../../schemas/user.js'

const tags = ['mfa']

/** The second step of a sign-in: no bearer, the ticket the password earned. */
const mfaSignInRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { mfa, refreshCookie } = fastify

  fastify.post('/mfa/verify', {
    schema: {
      tags,
      summary: 'Finish a sign-in with a second factor: answers as a login does',
      description: 'method totp with the 6-digit code (each code works once), recovery_code with one unused recovery code, webauthn with the assertion as response. The ticket works once and for 5 minutes; 5 wrong codes end it. Each wrong code counts toward the account lockout like a wrong password (429 with Retry-After once locked). A right code opens a session whose tokens carry amr ["pwd","otp"] (or ["pwd","hwk","user"]) and acr urn:rekam:aal2.',
      body: MfaVerifyBodySchema,
      response: {
        200: { ...success(SignedInSchema), ...SetCookieHeaderSchema },
        ...errorResponses(400, 'MFA_TICKET_INVALID', 'MFA_CODE_INVALID', 'ACCOUNT_BLOCKED', 'EMAIL_NOT_VERIFIED', 413, 415, 429),
      },
    },
  }, async (request, reply) => {
    const { ticket, method, code, response, tokenDelivery } = request.body
    const { user, tokens } = await mfa.signIn.verify(ticket, method, { code, response }, clientMeta(request))
    return ok({ user: toUser(user), tokens: refreshCookie.deliver(reply, tokens, tokenDelivery) })
  })
}

export default mfaSignInRoutes
