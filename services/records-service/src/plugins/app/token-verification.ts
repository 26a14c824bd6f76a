import { readFileSync } from 'node:fs'
import { authVerifyPlugin, type AuthVerifyOptions } from '@rekam/auth-verify'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'

type OnErased = NonNullable<AuthVerifyOptions['revocations']>['onErased']

/** Strict mode follows the revocation feed; without the internal secret it cannot. */
function revocationOptions (config: Config, onErased: OnErased): AuthVerifyOptions['revocations'] {
  if (!config.REVOCATION_STRICT || !config.INTERNAL_SECRET) return undefined
  return {
    url: config.AUTH_REVOCATIONS_URL,
    secret: config.INTERNAL_SECRET,
    pollIntervalMs: config.REVOCATION_POLL_INTERVAL_MS,
    ...(config.REVOCATION_FAIL_CLOSED_AFTER > 0 ? { failClosedAfterMs: config.REVOCATION_FAIL_CLOSED_AFTER * 1000 } : {}),
    ...(onErased ? { onErased } : {}),
  }
}

/**
 * Public keys from a PEM file when one is configured, otherwise auth-service's JWKS. `onErased`
 * hears of the accounts erased in auth-service (strict mode only: it comes with the feed).
 */
export function verifyOptions (config: Config, onErased?: OnErased): AuthVerifyOptions {
  const revocations = revocationOptions(config, onErased)
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
  // An erased account's patient profile is unlinked (the repository is there by the time the feed is followed: onReady).
  const onErased = async (userIds: string[]) => {
    const released = await fastify.patientsRepository.releaseErasedAccounts(userIds)
    if (released.length > 0) fastify.log.info({ patientIds: released }, 'patient profiles of erased accounts unlinked; contact data cleared')
  }
  await fastify.register(authVerifyPlugin, { ...verifyOptions(config, onErased), ...(opts.now ? { now: opts.now } : {}) })
}, { name: 'token-verification', dependencies: ['@fastify/env'] })
