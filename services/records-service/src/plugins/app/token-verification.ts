import { readFileSync } from 'node:fs'
import { authVerifyPlugin, type AuthVerifyOptions } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'

/** Public keys from a PEM file when one is configured, otherwise auth-service's JWKS. */
export function verifyOptions (config: Config): AuthVerifyOptions {
  const common = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }
  if (config.AUTH_PUBLIC_KEY_FILE) {
    const pems = readFileSync(config.AUTH_PUBLIC_KEY_FILE, 'utf8').match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? []
    if (pems.length === 0) throw new Error(`AUTH_PUBLIC_KEY_FILE (${config.AUTH_PUBLIC_KEY_FILE}) holds no PEM public key`)
    return { ...common, keys: pems.map((publicKey) => ({ publicKey })) }
  }
  return {
    ...common,
    jwks: {
      url: config.AUTH_JWKS_URL,
      cacheTtlSeconds: config.JWKS_CACHE_TTL,
      minRefetchIntervalSeconds: config.JWKS_MIN_REFETCH_INTERVAL,
    },
  }
}

/** Access tokens are verified here, offline: auth-service is never called on the request path. */
export default fp(async function tokenVerificationPlugin (fastify: FastifyInstance) {
  await fastify.register(authVerifyPlugin, verifyOptions(fastify.config))
}, { name: 'token-verification', dependencies: ['@fastify/env'] })
