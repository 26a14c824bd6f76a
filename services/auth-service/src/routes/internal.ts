import { errorResponses, validationError } from '@rekam/errors'
import { ok, StrictObject, success, Type } from '@rekam/schemas'
import { internalSecretGuard, logRequestsAtDebug, NO_STORE_HEADERS } from '@rekam/server-kit'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FeedEntrySchema } from '../schemas/revocation.js'

/**
 * Revocation ids are PostgreSQL bigints (int8): a cursor past the largest one is refused, or
 * the query would fail (500). The schema's 19 digits reach beyond it, so the value is checked too.
 */
const MAX_CURSOR = 9223372036854775807n

function feedCursor (after: string): bigint {
  const cursor = BigInt(after)
  if (cursor <= MAX_CURSOR) return cursor
  const message = `must be at most ${MAX_CURSOR}`
  throw validationError(`querystring.after ${message}`, [{ field: 'querystring.after', message }])
}

/** RFC 7662: `active` alone when the token is not usable; its claims when it is. */
const IntrospectionSchema = Type.Object({
  active: Type.Boolean(),
  token_type: Type.Optional(Type.Literal('Bearer')),
  sub: Type.Optional(Type.String()),
  username: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  sid: Type.Optional(Type.String()),
  jti: Type.Optional(Type.String()),
  iss: Type.Optional(Type.String()),
  aud: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  iat: Type.Optional(Type.Integer()),
  exp: Type.Optional(Type.Integer()),
  amr: Type.Optional(Type.Array(Type.String(), { description: 'RFC 8176 methods of the sign-in' })),
  acr: Type.Optional(Type.String({ description: 'urn:rekam:aal1 or urn:rekam:aal2' })),
  auth_time: Type.Optional(Type.Integer({ description: 'When the user last proved who they are (epoch seconds)' })),
})

/**
 * The revocation feed. records-service polls it once a second per instance, so its requests are
 * logged at debug: two info lines a second per follower would drown everything else.
 */
const feedRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  logRequestsAtDebug(fastify)
  fastify.get('/revocations', {
    schema: {
      hide: true,
      querystring: StrictObject({ after: Type.String({ pattern: '^[0-9]{1,19}$', default: '0' }) }),
      response: {
        200: success(Type.Object({ items: Type.Array(FeedEntrySchema), cursor: Type.String(), hasMore: Type.Boolean() })),
        ...errorResponses(400, 401),
      },
    },
  }, async (request) => {
    return ok(await fastify.revocationsRepository.feed(feedCursor(request.query.after)))
  })
}

/**
 * Service-to-service endpoints: the revocation feed and token introspection. They answer only
 * callers that present INTERNAL_SECRET in `x-internal-secret`; the gateway does not route
 * /internal, and they are left out of the public API docs.
 */
const internalRoutes: FastifyPluginAsyncTypebox<{ secret: string }> = async (fastify, opts) => {
  fastify.addHook('onRequest', internalSecretGuard(opts.secret))
  // RFC 7662 clients send forms; JSON is accepted too.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })

  await fastify.register(feedRoutes)

  fastify.post('/introspect', {
    schema: {
      hide: true,
      body: StrictObject({ token: Type.String({ minLength: 1, maxLength: 8192 }), token_type_hint: Type.Optional(Type.String({ maxLength: 64 })) }),
      response: { 200: IntrospectionSchema, ...errorResponses(400, 401, 415) },
    },
  }, async (request, reply) => {
    reply.headers(NO_STORE_HEADERS)
    let claims
    try {
      claims = await fastify.verifyAccessToken(request.body.token)
    } catch {
      return { active: false }
    }
    // Expired, forged and revoked tokens and blocked users all answer the same.
    if (!await fastify.sessionsRepository.isActive(claims.sid, claims.sub)) return { active: false }
    return { active: true, token_type: 'Bearer' as const, ...claims }
  })
}

export default internalRoutes
