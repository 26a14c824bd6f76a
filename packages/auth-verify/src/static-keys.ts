import { createPublicKey } from 'node:crypto'
import { tokenInvalid } from '@rekam/errors'
import { jwkThumbprint } from './jwk.js'

export interface StaticKey {
  /** The id the issuer puts in the token header; defaults to the key's RFC 7638 thumbprint. */
  kid?: string
  /** PEM-encoded public key (SPKI). */
  publicKey: string
}

interface DecodedToken {
  header?: { kid?: unknown }
}

/**
 * Picks the public key named by the token's `kid`. Keys are parsed once here, so a bad key
 * fails at start, and handed to fast-jwt re-exported as canonical SPKI PEM (what fast-jwt
 * caches its verifiers by): whatever whitespace or wrapping the configured text had, the
 * verifier sees a public key in the one form its key-type detection is sure of.
 */
export function createStaticKeyResolver (keys: StaticKey[] | (() => StaticKey[])) {
  const index = (list: StaticKey[]) => {
    const byKid = new Map<string, string>()
    for (const key of list) {
      const parsed = createPublicKey(key.publicKey)
      const kid = key.kid ?? jwkThumbprint(parsed.export({ format: 'jwk' }) as Record<string, unknown>)
      byKid.set(kid, parsed.export({ type: 'spki', format: 'pem' }).toString())
    }
    return byKid
  }
  // A key list given as a function may change (an issuer verifying its own rotating keys);
  // it is indexed again only when it returns a different list.
  const current = typeof keys === 'function' ? keys : () => keys
  let indexedList = current()
  let byKid = index(indexedList)
  return function resolveKey (token: unknown): string {
    const list = current()
    if (list !== indexedList) {
      byKid = index(list)
      indexedList = list
    }
    const kid = (token as DecodedToken | null)?.header?.kid
    const key = typeof kid === 'string' ? byKid.get(kid) : undefined
    if (!key) throw tokenInvalid('The access token was signed with an unknown key')
    return key
  }
}
