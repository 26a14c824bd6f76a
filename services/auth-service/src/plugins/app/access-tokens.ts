import { randomUUID } from 'node:crypto'
import { ACCESS_TOKEN_TYPE, type Role } from '@rekam/auth-verify'
import { createSigner } from 'fast-jwt'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

export interface AccessTokenSubject {
  id: string
  role: Role
  username: string
}

export function createAccessTokenIssuer (opts: {
  privateKeyPem: string
  algorithm: 'RS256' | 'ES256' | 'EdDSA'
  kid: string
  issuer: string
  audience: string
  ttlSeconds: number
}) {
  // One signer for the life of the process: the key is parsed once, not per token.
  const sign = createSigner({
    key: opts.privateKeyPem,
    algorithm: opts.algorithm,
    kid: opts.kid,
    header: { alg: opts.algorithm, typ: ACCESS_TOKEN_TYPE },
    iss: opts.issuer,
    aud: opts.audience,
    expiresIn: opts.ttlSeconds * 1000,
  })
  return {
    ttlSeconds: opts.ttlSeconds,
    sign (user: AccessTokenSubject, sessionId: string): string {
      return sign({ sub: user.id, role: user.role, username: user.username, sid: sessionId, jti: randomUUID() })
    },
  }
}

export type AccessTokenIssuer = ReturnType<typeof createAccessTokenIssuer>

declare module 'fastify' {
  interface FastifyInstance {
    accessTokens: AccessTokenIssuer
  }
}

export default fp(async function accessTokensPlugin (fastify: FastifyInstance) {
  const { config, signingKeys } = fastify
  fastify.decorate('accessTokens', createAccessTokenIssuer({
    privateKeyPem: signingKeys.privateKeyPem,
    algorithm: signingKeys.algorithm,
    kid: signingKeys.kid,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL,
  }))
}, { name: 'access-tokens', dependencies: ['signing-keys'] })
