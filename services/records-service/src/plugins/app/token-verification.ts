import { readFileSync } from 'node:fs'
import { authVerifyPlugin, type AuthVerifyOptions } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'

/** Strict mode follows the revocation feed; without the internal secret it cannot. */
function revocationOptions (config: Config): AuthVerifyOptions['revocations'] {
  if (!config.REVOCATION_STRICT || !config.INTERNAL_SECRET) return undefined
  return {
    url: config.AUTH_REVOCATIONS_URL,
    secret: config.INTERNAL_SECRET,
    pollIntervalMs: config.REVOCATION_POLL_INTERVAL_MS,
    ...(config.REVOCATION_FAIL_CLOSED_AFTER > 0 ? { failClosedAfterMs: config.REVOCATION_FAIL_CLOSED_AFTER * 1000 } : {}),
  }
}

/** Public keys from a PEM file when one is configured, otherwise auth-service's JWKS. */
export function verifyOptions (config: Config): AuthVerifyOptions {
  const revocations = revocationOptions(config)
  const common = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ...(revocations ? { revocations } : {}) }
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

export interface TokenVerificationOptions {
  /** The verifier's clock in ms; Date.now by default. */
  now?: (() => number) | undefined
}

/** Access tokens are verified here, offline: auth-service is never called on the request path. */
export default fp(async function tokenVerificationPlugin (fastify: FastifyInstance, opts: TokenVerificationOptions) {
  const { config } = fastify
  if (config.REVOCATION_STRICT && !config.INTERNAL_SECRET) {
    fastify.log.warn('strict mode is off: INTERNAL_SECRET is not set, so revoked tokens are refused only when they expire')
  }
  await fastify.register(authVerifyPlugin, { ...verifyOptions(config), ...(opts.now ? { now: opts.now } : {}) })
}, { name: 'token-verification', dependencies: ['@fastify/env'] })
