import { errorResponses } from '@rekam/errors'
import { ok, success, Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { EmailConfirmBodySchema } from '../../schemas/account.js'

const tags = ['account']

/** The link mailed to a new address: opened on any device, so it needs no access token. */
const emailConfirmRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/email/confirm', {
    config: { rateLimit: { max: fastify.config.RATE_LIMIT_EMAIL_LINKS, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Apply an email change with the token of the link mailed to the new address',
      description: 'No access token needed: the link may be opened on another device. The token works once, within 24 hours, and only if no newer change was requested or the change cancelled (400 EMAIL_TOKEN_INVALID otherwise). The address must still be free (409 CONFLICT). The new address counts as verified; links sent to the old one (verification, password reset) stop working; the user is notified (EMAIL_CHANGED), at both addresses. Signs nothing in. At most RATE_LIMIT_EMAIL_LINKS requests per client address per minute.',
      body: EmailConfirmBodySchema,
      response: {
        200: success(Type.Object({ email: Type.String({ description: 'The account\'s address from now on' }) })),
        ...errorResponses(400, 'EMAIL_TOKEN_INVALID', 409, 413, 415, 429),
      },
    },
  }, async (request) => {
    const user = await fastify.emailChange.confirm(request.body.token, clientMeta(request))
    return ok({ email: user.email }, 'Email changed')
  })
}

export default emailConfirmRoutes
