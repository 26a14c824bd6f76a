import { Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const JwkSchema = Type.Object({
  kty: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
  n: Type.Optional(Type.String()),
  e: Type.Optional(Type.String()),
  crv: Type.Optional(Type.String()),
  x: Type.Optional(Type.String()),
  y: Type.Optional(Type.String()),
})

/** Public keys that verify access tokens (RFC 7517); standard shape, so no envelope. */
const wellKnownRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/.well-known/jwks.json', {
    schema: {
      tags: ['keys'],
      summary: 'JSON Web Key Set of the access-token signing keys',
      response: { 200: Type.Object({ keys: Type.Array(JwkSchema) }, { description: 'The public keys that verify access tokens: the current one and any previous ones still valid' }) },
    },
  }, async (_request, reply) => {
    // A new key is staged in the set KEY_ACTIVATION_DELAY before it signs, so short caching is safe.
    reply.header('cache-control', 'public, max-age=60')
    return fastify.signingKeys.keys().jwks
  })
}

export default wellKnownRoutes
