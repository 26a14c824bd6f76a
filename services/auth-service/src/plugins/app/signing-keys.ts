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

/** Each instance re-reads the database's keys this often, so a rotation reaches all of them. */
const RELOAD_INTERVAL_MS = 10_000

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
  await store.init()
  const timer = setInterval(() => {
    store.reload().catch((err: unknown) => fastify.log.warn({ err }, 'signing keys reload failed; keeping the current ones'))
  }, RELOAD_INTERVAL_MS)
  timer.unref()
  fastify.addHook('onClose', async () => clearInterval(timer))
  fastify.decorate('signingKeys', store)
}

export default fp(signingKeysPlugin, { name: 'signing-keys', dependencies: ['@fastify/env', 'db'] })
