import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { createDatabaseSigningKeys } from '../../services/database-keys.js'
import type { SigningKeys } from '../../services/signing-keys.js'
import { loadStaticSigningKeys } from '../../services/static-keys.js'

declare module 'fastify' {
  interface FastifyInstance {
    signingKeys: SigningKeys
  }
}

/**
 * Loads the signing keys once at start (never per request): a configured key (env or file),
 * the database's rotating keys when KEY_ENCRYPTION_KEY is set, or a development key.
 */
async function signingKeysPlugin (fastify: FastifyInstance) {
  const { config } = fastify
  const explicitKey = config.JWT_PRIVATE_KEY ?? config.JWT_PRIVATE_KEY_FILE
  if (explicitKey || !config.KEY_ENCRYPTION_KEY) {
    fastify.decorate('signingKeys', loadStaticSigningKeys(config, (msg) => fastify.log.warn(msg)))
    return
  }
  const store = createDatabaseSigningKeys(fastify.db, {
    algorithm: config.JWT_ALGORITHM,
    secret: config.KEY_ENCRYPTION_KEY,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL,
  })
  // The housekeeping plugin reloads them in the background, so a rotation reaches every instance.
  await store.init()
  fastify.decorate('signingKeys', store)
}

export default fp(signingKeysPlugin, { name: 'signing-keys', dependencies: ['@fastify/env', 'db'] })
