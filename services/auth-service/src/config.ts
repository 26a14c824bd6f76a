import { Type, type Static } from '@sinclair/typebox'

/**
 * Every setting of auth-service. The schema is the type: @fastify/env validates the
 * environment against it at start and the service refuses to start on a bad value.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3001 }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ default: '.data', minLength: 1 }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  DB_CONNECT_TIMEOUT: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
  DB_MIGRATE_ON_START: Type.Boolean({ default: true }),
  JWT_ALGORITHM: Type.Union([Type.Literal('RS256'), Type.Literal('ES256'), Type.Literal('EdDSA')], { default: 'RS256' }),
  JWT_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 1 })),
  JWT_PRIVATE_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  JWT_PREVIOUS_PUBLIC_KEYS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  JWT_ISSUER: Type.String({ default: 'rekam-auth', minLength: 1 }),
  JWT_AUDIENCE: Type.String({ default: 'rekam', minLength: 1 }),
  ACCESS_TOKEN_TTL: Type.Integer({ minimum: 30, maximum: 86_400, default: 900 }),
  REFRESH_TOKEN_TTL: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 604_800 }),
  SESSION_MAX_LIFETIME: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 2_592_000 }),
  REFRESH_GRACE_SECONDS: Type.Integer({ minimum: 0, maximum: 300, default: 10 }),
  BCRYPT_COST: Type.Integer({ minimum: 4, maximum: 15, default: 12 }),
  DEMO_MODE: Type.Boolean({ default: false }),
})

export type Config = Static<typeof ConfigSchema>

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

/** Rules that span several variables, checked after the schema. */
export function checkConfig (config: Config): void {
  if (config.NODE_ENV !== 'production') return
  if (!config.JWT_PRIVATE_KEY && !config.JWT_PRIVATE_KEY_FILE) {
    throw new Error('JWT_PRIVATE_KEY or JWT_PRIVATE_KEY_FILE is required when NODE_ENV=production')
  }
  if (config.DEMO_MODE) throw new Error('DEMO_MODE cannot be enabled when NODE_ENV=production')
}
