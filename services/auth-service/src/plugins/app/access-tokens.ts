import { randomUUID } from 'node:crypto'
import { ACCESS_TOKEN_TYPE, type Role } from '@rekam/auth-verify'
import { createSigner } from 'fast-jwt'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { SessionAssurance } from '../../lib/assurance.js'
import type { KeySet, SigningKey } from '../../services/signing-keys.js'

export interface AccessTokenSubject {
  id: string
  role: Role
  username: string
}

export function createAccessTokens (opts: {
  keys: () => KeySet
  issuer: string
  audience: string
  ttlSeconds: number
  /** The clock in epoch ms; the system clock unless tests move time (the verifier uses the same one). */
  now?: (() => number) | undefined
}) {
  const now = opts.now ?? Date.now
  // One signer per key for the life of the process: a key is parsed once, not per token.
  const signers = new Map<string, (payload: Record<string, unknown>) => string>()
  const signerFor = (key: SigningKey) => {
    let sign = signers.get(key.kid)
    if (!sign) {
      sign = createSigner({
        key: key.privateKeyPem,
        algorithm: key.algorithm,
        kid: key.kid,
        header: { alg: key.algorithm, typ: ACCESS_TOKEN_TYPE },
        iss: opts.issuer,
        aud: opts.audience,
        expiresIn: opts.ttlSeconds * 1000,
      })
      signers.set(key.kid, sign)
    }
    return sign
  }
  return {
    ttlSeconds: opts.ttlSeconds,
    /** An access token of the session, carrying its assurance (amr, acr, auth_time in epoch seconds). */
    sign (user: AccessTokenSubject, session: { id: string } & SessionAssurance): string {
      return signerFor(opts.keys().current)({
        // iat from our clock (exp follows it): a token minted under a moved clock verifies under it.
        iat: Math.floor(now() / 1000),
        sub: user.id,
        role: user.role,
        username: user.username,
        sid: session.id,
        jti: randomUUID(),
        amr: session.amr,
        acr: session.acr,
        auth_time: Math.floor(session.authTime.getTime() / 1000),
      })
    },
  }
}

export type AccessTokens = ReturnType<typeof createAccessTokens>

declare module 'fastify' {
  interface FastifyInstance {
    accessTokens: AccessTokens
  }
}

export default fp<{ now?: (() => number) | undefined }>(async function accessTokensPlugin (fastify: FastifyInstance, opts) {
  const { config, signingKeys } = fastify
  fastify.decorate('accessTokens', createAccessTokens({
    keys: () => signingKeys.keys(),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL,
    now: opts.now,
  }))
}, { name: 'access-tokens', dependencies: ['signing-keys'] })
