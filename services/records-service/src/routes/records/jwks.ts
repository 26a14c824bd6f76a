import { Type } from '@rekam/schemas'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

const JwkSchema = Type.Object({
  kty: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
  crv: Type.Optional(Type.String()),
  x: Type.Optional(Type.String()),
  y: Type.Optional(Type.String()),
})

/** The public keys that verify signed records (RFC 7517), outside the authenticated scope: anyone verifies a record offline. */
const recordJwksRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/.well-known/jwks.json', {
    schema: {
      tags: ['records'],
      summary: 'JSON Web Key Set of the record signing keys: every key that ever signed a record (retired ones too), so a signature of any age verifies',
      response: { 200: Type.Object({ keys: Type.Array(JwkSchema) }, { description: 'The public keys (ES256) of record signatures' }) },
    },
  }, async (_request, reply) => {
    // Keys are only ever added, and a new one is in the set before it signs: five minutes of caching is safe.
    reply.header('cache-control', 'public, max-age=300')
    return fastify.recordSigningKeys.jwks()
  })
}

export default recordJwksRoutes
