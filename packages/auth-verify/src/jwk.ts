import { createHash, type KeyObject } from 'node:crypto'

export interface PublicJwk {
  kty: string
  kid: string
  alg: string
  use: 'sig'
  n?: string
  e?: string
  crv?: string
  x?: string
  y?: string
}

/** The members RFC 7638 hashes, per key type, in lexicographic order. */
const THUMBPRINT_MEMBERS: Record<string, string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
  OKP: ['crv', 'kty', 'x'],
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url): the key's stable `kid`. */
export function jwkThumbprint (jwk: Record<string, unknown>): string {
  const members = THUMBPRINT_MEMBERS[String(jwk.kty)]
  if (!members) throw new Error(`unsupported key type ${String(jwk.kty)}`)
  const canonical = JSON.stringify(Object.fromEntries(members.map((m) => [m, jwk[m]])))
  return createHash('sha256').update(canonical).digest('base64url')
}

export function toPublicJwk (publicKey: KeyObject, alg: string): PublicJwk {
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>
  const picked = Object.fromEntries(
    (THUMBPRINT_MEMBERS[jwk.kty ?? ''] ?? []).map((m) => [m, jwk[m]]),
  )
  return { ...picked, kid: jwkThumbprint(jwk), alg, use: 'sig' } as PublicJwk
}
