import { errorResponses } from '@rekam/errors'
import { ok, success } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { clientMeta } from '../../lib/client-meta.js'
import { AuthResultSchema, SetCookieHeaderSchema } from '../../schemas/auth.js'
import { toUser } from '../../schemas/user.js'
import { PasskeyOptionsBodySchema, PasskeyVerifyBodySchema, RequestOptionsSchema } from '../../schemas/webauthn.js'

const tags = ['auth']

/** Signing in with a passkey alone (a discoverable credential): no name, no password. */
const passkeyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { webauthn, refreshCookie, config } = fastify

  fastify.post('/passkey/options', {
    // Each call stores a challenge: bounded per address.
    config: { rateLimit: { max: config.RATE_LIMIT_WEBAUTHN_OPTIONS, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Start a passkey sign-in: options for navigator.credentials.get with no allowed list (the browser offers the passkeys it holds)',
      description: 'The challenge works once, for 5 minutes; user verification is required.',
      body: PasskeyOptionsBodySchema,
      response: { 200: success(RequestOptionsSchema), ...errorResponses(400, 413, 415, 429) },
    },
  }, async () => ok(await webauthn.signIn.options()))

  fastify.post('/passkey/verify', {
    schema: {
      tags,
      summary: 'Sign in with a passkey: answers as a login does',
      description: 'The assertion names its credential; its owner is signed in with amr ["hwk","user"] and acr urn:rekam:aal2 (phishing-resistant: no second step follows). An unknown passkey and an assertion that does not verify (another challenge or origin, a counter that did not move forward, no user verification) answer alike, 401 INVALID_CREDENTIALS, and count like wrong passwords (per account and per address, 429 with Retry-After once locked); a blocked account 403 ACCOUNT_BLOCKED. With EMAIL_VERIFICATION=required, a right passkey of an unverified address answers 403 EMAIL_NOT_VERIFIED as a right password does (not counted as a failure). With tokenDelivery "cookie" the refresh token is set as the HttpOnly cookie __Host-rekam-refresh and left out of the body.',
      body: PasskeyVerifyBodySchema,
      response: {
        200: { ...success(AuthResultSchema), ...SetCookieHeaderSchema },
        ...errorResponses(400, 'INVALID_CREDENTIALS', 'ACCOUNT_BLOCKED', 'EMAIL_NOT_VERIFIED', 413, 415, 429),
      },
    },
  }, async (request, reply) => {
    const { user, tokens } = await webauthn.signIn.verify(request.body.response, clientMeta(request))
    return ok({ user: toUser(user), tokens: refreshCookie.deliver(reply, tokens, request.body.tokenDelivery) })
  })
}

export default passkeyRoutes
