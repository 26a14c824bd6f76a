import { createPublicKey, type JsonWebKey } from 'node:crypto'
import { tokenInvalid } from '@rekam/errors'
import buildGetJwks from 'get-jwks'
import { Agent } from 'undici'

export interface JwksOptions {
  /** Where the issuer publishes its keys, e.g. http://auth-service:3001/.well-known/jwks.json */
  url: string
  /** How long a fetched key is trusted before it is fetched again (while the issuer cannot be asked, one more period). */
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
 * Resolves a token's key from the issuer's JWKS, fetched through get-jwks. The freshness of each
 * key is kept here, on the verifier's clock (`now`; tests move it instead of sleeping): a key is
 * trusted for `cacheTtlSeconds`, then fetched again. When the issuer cannot be asked (down, slow,
 * a bad answer), the expired copy keeps serving for one more period while every later request
 * (at most one per `minRefetchIntervalSeconds`) tries again; when the issuer answers without the
 * key, it stops verifying at once. Fetches are rate-limited, and each key is turned into PEM
 * once, because the verifier caches by the key string.
 * @see https://github.com/nearform/get-jwks
 */
export function createJwksKeyResolver (opts: JwksOptions, now: () => number = Date.now) {
  const url = new URL(opts.url)
  const domain = url.origin
  const timeout = opts.timeoutMs ?? 5000
  const ttl = (opts.cacheTtlSeconds ?? 600) * 1000
  const getJwks = buildGetJwks({
    max: 100,
    ttl,
    jwksPath: url.pathname,
    // fetch has no timeout option; the dispatcher bounds connect, headers and body time.
    fetchOptions: { dispatcher: new Agent({ connectTimeout: timeout, headersTimeout: timeout, bodyTimeout: timeout }) } as object,
  })
  const minInterval = (opts.minRefetchIntervalSeconds ?? 5) * 1000
  const pemByJwk = new WeakMap<object, string>()
  /** Keys the issuer listed, by get-jwks' cache key, with when they were fetched. */
  const known = new Map<string, { jwk: object, fetchedAt: number }>()
  const fetching = new Map<string, Promise<object>>()
  let lastFetchAt = -Infinity

  /** The expired copy, while it may still serve (one period past its expiry). */
  const staleCopy = (entry: { jwk: object, fetchedAt: number } | undefined) =>
    entry && now() - entry.fetchedAt < 2 * ttl ? entry.jwk : undefined

  function fetchJwk (cacheKey: string, alg: string, kid: string, entry: { jwk: object, fetchedAt: number } | undefined): Promise<object> {
    // get-jwks' own cache and stale fallback are bypassed: the decision is made below.
    getJwks.cache.delete(cacheKey)
    getJwks.staleCache.delete(cacheKey)
    const fetched = getJwks.getJwk({ domain, alg, kid })
      .then((jwk) => {
        known.set(cacheKey, { jwk, fetchedAt: now() })
        return jwk
      }, (error: unknown) => {
        const stale = staleCopy(entry)
        if ((error as { code?: unknown } | null)?.code === 'JWK_NOT_FOUND' || !stale) {
          known.delete(cacheKey)
          throw error
        }
        return stale
      })
      .finally(() => fetching.delete(cacheKey))
    // Requests racing a fetch share its outcome, stale fallback included.
    fetching.set(cacheKey, fetched)
    return fetched
  }

  async function jwkFor (alg: string, kid: string): Promise<object> {
    const cacheKey = getJwks.generateCacheKey(alg, kid, `${domain}/`)
    const pending = fetching.get(cacheKey)
    if (pending) return pending
    const entry = known.get(cacheKey)
    if (entry && now() - entry.fetchedAt < ttl) return entry.jwk
    if (now() - lastFetchAt < minInterval) {
      const stale = staleCopy(entry)
      if (stale) return stale
      throw unknownKey()
    }
    lastFetchAt = now()
    return fetchJwk(cacheKey, alg, kid, entry)
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
