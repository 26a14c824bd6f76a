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
  const body = fastify.signingKeys.jwks
  fastify.get('/.well-known/jwks.json', {
    schema: {
      tags: ['keys'],
      summary: 'JSON Web Key Set of the access-token signing keys',
      response: { 200: Type.Object({ keys: Type.Array(JwkSchema) }) },
    },
  }, async (_request, reply) => {
    // Verifiers may cache for a few minutes; a new key is staged in the set before it signs.
    reply.header('cache-control', 'public, max-age=300')
    return body
  })
}

export default wellKnownRoutes
