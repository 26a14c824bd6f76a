import { createPublicKey, type JsonWebKey } from 'node:crypto'
import { tokenInvalid } from '@rekam/errors'
import buildGetJwks from 'get-jwks'
import { Agent } from 'undici'

export interface JwksOptions {
  /** Where the issuer publishes its keys, e.g. http://auth-service:3001/.well-known/jwks.json */
  url: string
  /** How long a fetched key is trusted before it is fetched again (a failed refetch keeps it one more period). */
  cacheTtlSeconds?: number
  /** At most one fetch per this interval, so a flood of junk `kid`s cannot hammer the issuer. */
  minRefetchIntervalSeconds?: number
  /** A fetch that takes longer fails (and the cached keys go on serving). */
  timeoutMs?: number
}

interface DecodedToken {
  header?: { kid?: unknown, alg?: unknown }
}

const unknownKey = () => tokenInvalid('The access token was signed with an unknown key')

/**
 * Resolves a token's key from the issuer's JWKS through get-jwks (per-`kid` cache with a stale
 * fallback when the issuer is down). On top of it: fetches are rate-limited, and each key is
 * turned into PEM once, because the verifier caches by the key string.
 * @see https://github.com/nearform/get-jwks
 */
export function createJwksKeyResolver (opts: JwksOptions) {
  const url = new URL(opts.url)
  const domain = url.origin
  const timeout = opts.timeoutMs ?? 5000
  const getJwks = buildGetJwks({
    max: 100,
    ttl: (opts.cacheTtlSeconds ?? 600) * 1000,
    jwksPath: url.pathname,
    // fetch has no timeout option; the dispatcher bounds connect, headers and body time.
    fetchOptions: { dispatcher: new Agent({ connectTimeout: timeout, headersTimeout: timeout, bodyTimeout: timeout }) } as object,
  })
  const minInterval = (opts.minRefetchIntervalSeconds ?? 5) * 1000
  const pemByJwk = new WeakMap<object, string>()
  const refetching = new Map<string, Promise<object>>()
  let lastFetchAt = 0

  async function jwkFor (alg: string, kid: string): Promise<object> {
    const cacheKey = getJwks.generateCacheKey(alg, kid, `${domain}/`)
    const pending = refetching.get(cacheKey)
    if (pending) return pending
    // A fresh (or in-flight) entry costs nothing.
    if (getJwks.cache.get(cacheKey) !== undefined) return getJwks.getJwk({ domain, alg, kid })
    const stale = getJwks.staleCache.get(cacheKey)
    if (Date.now() - lastFetchAt < minInterval) {
      if (stale) return stale
      throw unknownKey()
    }
    lastFetchAt = Date.now()
    if (!stale) return getJwks.getJwk({ domain, alg, kid })
    // get-jwks falls back on the stale copy after any failure, even when the issuer answered
    // without the key: a key removed from the JWKS would verify for ever. So the stale copy is
    // set aside and served only when the issuer could not be asked (down, slow, bad answer).
    getJwks.staleCache.delete(cacheKey)
    const refetch = getJwks.getJwk({ domain, alg, kid })
      .catch((error: unknown) => {
        if ((error as { code?: unknown } | null)?.code === 'JWK_NOT_FOUND') throw error
        getJwks.staleCache.set(cacheKey, stale)
        return stale
      })
      .finally(() => refetching.delete(cacheKey))
    // Requests racing the refetch share its outcome, stale fallback included.
    refetching.set(cacheKey, refetch)
    return refetch
  }

  return async function resolveKey (token: unknown): Promise<string> {
    const header = (token as DecodedToken | null)?.header
    const kid = header?.kid
    const alg = header?.alg
    if (typeof kid !== 'string' || kid.length > 256 || typeof alg !== 'string') throw unknownKey()
    let jwk: object
    try {
      jwk = await jwkFor(alg, kid)
    } catch {
      throw unknownKey()
    }
    let pem = pemByJwk.get(jwk)
    if (!pem) {
      pem = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()
      pemByJwk.set(jwk, pem)
    }
    return pem
  }
}
