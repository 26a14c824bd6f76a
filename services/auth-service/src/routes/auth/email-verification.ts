import { errorResponses, validationError } from '@rekam/errors'
import { MessageOnlySchema, ok, security, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { EmailTokenBodySchema, ResendVerificationBodySchema } from '../../schemas/auth.js'

const tags = ['auth']

/** The same answer for every resend, whatever the address: it must not tell who has an account. */
const RESEND_MESSAGE = 'If this address belongs to an account that is not verified yet, a new link is on its way'

/** Verifying the address with the mailed link, and asking for a new link. Open to signed-out users. */
const emailVerificationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { emailVerification, config } = fastify
  const perMinute = { rateLimit: { max: config.RATE_LIMIT_EMAIL_LINKS, timeWindow: 60_000 } }

  fastify.post('/email/verify', {
    config: perMinute,
    schema: {
      tags,
      summary: 'Verify the account\'s email address with the token of the mailed link',
      description: 'The token works once, for 24 hours, and only while the address is still the account\'s; a newer link voids the older ones. Signs nothing in. Records an EMAIL_VERIFIED security event.',
      body: EmailTokenBodySchema,
      response: { 200: success(Type.Object({ emailVerified: Type.Literal(true) })), ...errorResponses(400, 'EMAIL_TOKEN_INVALID', 413, 415, 429) },
    },
  }, async (request) => {
    await emailVerification.verify(request.body.token, clientMeta(request))
    return ok({ emailVerified: true as const }, 'Email address verified')
  })

  fastify.post('/email/verify/resend', {
    config: perMinute,
    // A bearer, when sent, must be a live session: the link then goes to its user's address.
    preHandler: async (request, reply) => {
      if (request.headers.authorization !== undefined) await fastify.authenticateSession(request, reply)
    },
    schema: {
      tags,
      security: [...security, {}],
      summary: 'Mail a new verification link',
      description: 'Signed in (bearer): to the account\'s address. Signed out: body { email }. Always 202 with the same body, whether or not the address has an account or is verified already (a verified or blocked account gets no mail): the answer tells nobody who is registered. At most MAIL_REQUESTS_PER_ADDRESS per address per hour (counted for any address) and RATE_LIMIT_EMAIL_LINKS per client address per minute: 429 with Retry-After beyond. 503 MAIL_UNAVAILABLE when no SMTP server is configured.',
      body: Type.Optional(ResendVerificationBodySchema),
      response: { 202: { ...MessageOnlySchema, description: 'Accepted: the same answer for every address' }, ...errorResponses(400, 401, 413, 415, 429, 'MAIL_UNAVAILABLE') },
    },
  }, async (request, reply) => {
    const user = request.sessionUser
    const email = request.body?.email
    if (!user && email === undefined) {
      throw validationError('body.email is required without a bearer token', [{ field: 'body.email', message: 'is required without a bearer token' }])
    }
    await emailVerification.resend(user ? { user } : { email: email! }, request.id)
    reply.code(202)
    return ok(null, RESEND_MESSAGE)
  })
}

export default emailVerificationRoutes
