import { LRUCache } from 'mnemonist'
import type { AccessTokenClaims } from './claims.js'

export interface VerifiedTokensOptions {
  /** Most tokens remembered; the least recently used is forgotten first. */
  max: number
  /** Skew tolerated on `exp`, in milliseconds (as the verifier tolerates it). */
  clockToleranceMs: number
  /**
   * A remembered token is verified in full again after this long, so a key withdrawn by the
   * issuer (or a retired static key) stops a token within this delay of the verifier noticing.
   */
  recheckAfterMs: number
}

interface Entry {
  claims: AccessTokenClaims
  /** Until when, in ms since the epoch, the entry answers without a full verification. */
  validUntil: number
}

/**
 * Tokens already verified in full, by their exact text: a token presented again skips decoding,
 * key lookup, the signature and the claims checks until it expires or its recheck is due.
 * Only successful verifications are remembered, so junk tokens cannot evict good ones.
 */
export class VerifiedTokens {
  readonly #entries: LRUCache<string, Entry>
  readonly #options: VerifiedTokensOptions

  constructor (options: VerifiedTokensOptions) {
    this.#options = options
    this.#entries = new LRUCache(options.max)
  }

  /** The claims of a token verified before and still within its window; undefined otherwise. */
  get (token: string, now = Date.now()): AccessTokenClaims | undefined {
    const entry = this.#entries.get(token)
    return entry !== undefined && now < entry.validUntil ? entry.claims : undefined
  }

  /** Remembers a token that has just passed full verification. */
  remember (token: string, claims: AccessTokenClaims, now = Date.now()): void {
    const expiresAt = claims.exp * 1000 + this.#options.clockToleranceMs
    this.#entries.set(token, { claims, validUntil: Math.min(expiresAt, now + this.#options.recheckAfterMs) })
  }

  get size (): number {
    return this.#entries.size
  }
}
