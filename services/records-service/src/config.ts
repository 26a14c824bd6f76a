import { baseConfigProperties } from '@rekam/server-kit'
import { Type, type Static } from '@sinclair/typebox'

/**
 * Every setting of records-service. The schema is the type: @fastify/env validates the
 * environment against it at start and the service refuses to start on a bad value.
 */
export const ConfigSchema = Type.Object({
  ...baseConfigProperties(3002),
  /** auth-service's JWKS; access tokens are verified against it, offline. */
  AUTH_JWKS_URL: Type.String({ default: 'http://127.0.0.1:3001/.well-known/jwks.json', pattern: '^https?://' }),
  /** Instead of the JWKS: a PEM file of auth-service's public key(s). */
  AUTH_PUBLIC_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  JWKS_CACHE_TTL: Type.Integer({ minimum: 10, maximum: 86_400, default: 600 }),
  JWKS_MIN_REFETCH_INTERVAL: Type.Integer({ minimum: 0, maximum: 3600, default: 5 }),
})

export type Config = Static<typeof ConfigSchema>

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}
