import { Type, type Static, type TObject } from '@sinclair/typebox'
import { defaultDataDir } from './data-dir.js'

/**
 * Settings every service has; a service's ConfigSchema spreads these and adds its own.
 * `service` (`auth`, `records`) names its folder in the launcher's data: DATA_DIR's default.
 */
export function baseConfigProperties (defaultPort: number, service?: string) {
  return {
    NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
    HOST: Type.String({ default: '127.0.0.1' }),
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: defaultPort }),
    LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
    DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    DATA_DIR: Type.String({ default: service ? defaultDataDir(service) : '.data', minLength: 1 }),
    /** Addresses or CIDRs of the gateway, whose X-Forwarded-For gives the client address. */
    TRUST_PROXY: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F.:/, ]+$', maxLength: 500 })),
    /** Browser origins allowed to call the API (comma-separated); unset allows none. */
    CORS_ORIGINS: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Seconds a whole request (headers and body) may take to arrive; slower ones answer 408. */
    REQUEST_TIMEOUT: Type.Integer({ minimum: 1, maximum: 300, default: 30 }),
    /** Unknown-route requests per client address per minute: an unlimited 404 is a URL oracle. */
    RATE_LIMIT_NOT_FOUND: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60 }),
    DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
    DB_CONNECT_TIMEOUT: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
    /** Seconds a starting service keeps trying to reach PostgreSQL before it exits. */
    DB_START_TIMEOUT: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
    /** Server-side prepared statements for every query; turn off behind a pooler that cannot keep them. */
    DB_PREPARE: Type.Boolean({ default: true }),
    DB_MIGRATE_ON_START: Type.Boolean({ default: true }),
    /**
     * Seconds between two runs of the audit trail's sealer (docs/audit-trail.md): rows written
     * since the last seal are pending until then; a verification seals first anyway.
     */
    AUDIT_SEAL_INTERVAL: Type.Integer({ minimum: 1, maximum: 86_400, default: 30 }),
    JWT_ISSUER: Type.String({ default: 'rekam-auth', minLength: 1 }),
    JWT_AUDIENCE: Type.String({ default: 'rekam', minLength: 1 }),
    DEMO_MODE: Type.Boolean({ default: false }),
    /** Serve the OpenAPI document and its UI; unset: on, except when NODE_ENV=production (apiDocsEnabled). */
    API_DOCS: Type.Optional(Type.Boolean()),
    /** Shared by the services for their internal endpoints (revocation feed, introspection). */
    INTERNAL_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  }
}

/** The settings every service's configuration has. */
export type BaseConfig = Static<TObject<ReturnType<typeof baseConfigProperties>>>

/**
 * Whether the API docs are served: API_DOCS when set, otherwise not in production, where the
 * document is a map of every route and schema for whoever probes the deployment.
 */
export function apiDocsEnabled (config: { NODE_ENV: string, API_DOCS?: boolean | undefined }): boolean {
  return config.API_DOCS ?? config.NODE_ENV !== 'production'
}

/** Rules every service shares, checked after the schema. */
export function checkBaseConfig (config: { NODE_ENV: string, DEMO_MODE?: boolean }): void {
  if (config.NODE_ENV === 'production' && config.DEMO_MODE) {
    throw new Error('DEMO_MODE cannot be enabled when NODE_ENV=production')
  }
}
