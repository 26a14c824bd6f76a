import { createHash, randomUUID, sign } from 'node:crypto'
import { rsaTestKeyPair } from './test-keys.js'

export interface AccessTokenFor {
  sub: string
  role: 'PATIENT' | 'DOCTOR' | 'ADMIN'
  username: string
}

export interface TokenIssuer {
  /** SPKI PEM of the signing key, for a verifier configured with static keys. */
  publicKeyPem: string
  /** The key's RFC 7638 thumbprint: the `kid` a verifier derives from the PEM alone. */
  kid: string
  /**
   * An RS256 access token with auth-service's claims and header (`amr: ["pwd"]`, `acr: urn:rekam:aal1`,
   * `auth_time` = `iat` unless told otherwise); `claims` override them.
   */
  sign (user: AccessTokenFor, claims?: Record<string, unknown>): string
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * Signs access tokens as auth-service does (RFC 9068 header, the claims of DESIGN.md "Tokens")
 * with a key of its own, so a service's route tests can verify tokens on a static public key
 * without a live auth-service. Each issuer of a process has an RSA key of its own (test-keys.ts).
 */
export function createTokenIssuer (options: { issuer?: string, audience?: string, lifetimeSeconds?: number } = {}): TokenIssuer {
  const { publicKey, privateKey } = rsaTestKeyPair()
  const jwk = publicKey.export({ format: 'jwk' })
  const kid = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url')
  const lifetime = options.lifetimeSeconds ?? 900
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    kid,
    sign (user, claims = {}) {
      const iat = Math.floor(Date.now() / 1000)
      const header = base64url({ alg: 'RS256', typ: 'at+jwt', kid })
      const payload = base64url({
        iss: options.issuer ?? 'rekam-auth',
        aud: options.audience ?? 'rekam',
        ...user,
        sid: randomUUID(),
        jti: randomUUID(),
        iat,
        exp: iat + lifetime,
        // A password sign-in at issue time, as auth-service issues it; step-up tests override these.
        amr: ['pwd'],
        acr: 'urn:rekam:aal1',
        auth_time: iat,
        ...claims,
      })
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')
      return `${header}.${payload}.${signature}`
    },
  }
}
