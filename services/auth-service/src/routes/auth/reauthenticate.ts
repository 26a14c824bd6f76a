import { errorResponses } from '@rekam/errors'
import { ok, security, StrictObject, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { MfaMethodSchema } from '../../schemas/mfa.js'

const ReauthenticateBodySchema = StrictObject({
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  method: Type.Optional(MfaMethodSchema),
  code: Type.Optional(Type.String({ minLength: 6, maxLength: 64 })),
  response: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The WebAuthn assertion (method webauthn)' })),
}, { examples: [{ password: 'correct-horse-battery' }, { method: 'totp', code: '123456' }] })

const ReauthenticatedSchema = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
})

/** Step-up (RFC 9470): a fresh proof for the same session. */
const reauthenticateRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/reauthenticate', {
    schema: {
      tags: ['mfa'],
      security,
      summary: 'Prove who you are again: a new access token on the same session with a fresh auth_time',
      description: 'Send the password, a second factor (method and code, or response for a passkey) or both. The new token\'s amr lists what was sent and its acr is urn:rekam:aal2 when a factor was used (aal1 for the password alone); the session keeps this, so refreshes carry it. The refresh token does not change. Wrong passwords (403 CURRENT_PASSWORD_INCORRECT) and codes (403 MFA_CODE_INVALID) count toward the account lockout. Answer with this when an API says 401 STEP_UP_REQUIRED.',
      body: ReauthenticateBodySchema,
      response: {
        200: success(ReauthenticatedSchema),
        ...errorResponses(400, 401, 'CURRENT_PASSWORD_INCORRECT', 'MFA_CODE_INVALID', 413, 415, 429),
      },
    },
  }, async (request) => {
    const token = await fastify.reauthentication.reauthenticate(request.sessionUser!, request.user.sid, request.body, clientMeta(request))
    return ok(token, 'Identity confirmed')
  })
}

export default reauthenticateRoutes
