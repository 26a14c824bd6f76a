import { baseConfigProperties } from '@rekam/server-kit/startup'
import { Type, type Static } from '@sinclair/typebox'

/**
 * Every setting of records-service. The schema is the type: loadConfig (@rekam/server-kit) validates the
 * environment against it at start and the service refuses to start on a bad value.
 */
export const ConfigSchema = Type.Object({
  ...baseConfigProperties(3002, 'records'),
  /** auth-service's JWKS; access tokens are verified against it, offline. */
  AUTH_JWKS_URL: Type.String({ default: 'http://127.0.0.1:3001/.well-known/jwks.json', pattern: '^https?://' }),
  /** Instead of the JWKS: a PEM file of auth-service's public key(s). */
  AUTH_PUBLIC_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  JWKS_CACHE_TTL: Type.Integer({ minimum: 1, maximum: 86_400, default: 600 }),
  JWKS_MIN_REFETCH_INTERVAL: Type.Integer({ minimum: 0, maximum: 3600, default: 5 }),
  /** Strict mode: follow auth-service's revocation feed, so logouts and blocks apply within seconds. */
  REVOCATION_STRICT: Type.Boolean({ default: true }),
  AUTH_REVOCATIONS_URL: Type.String({ default: 'http://127.0.0.1:3001/internal/revocations', pattern: '^https?://' }),
  REVOCATION_POLL_INTERVAL_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 1000 }),
  /** Fail closed after this many seconds without an answer from the feed; 0 fails open. */
  REVOCATION_FAIL_CLOSED_AFTER: Type.Integer({ minimum: 0, maximum: 3600, default: 0 }),
  /**
   * Step-up (RFC 9470): how many seconds old a second-factor sign-in may be for the operations that
   * ask for one (deleting a record). Five minutes: long enough to finish what the user set out to
   * do after confirming, short enough that an unattended signed-in screen cannot be used for it.
   */
  STEP_UP_MAX_AGE: Type.Integer({ minimum: 0, maximum: 3600, default: 300 }),
  /** Medical record numbers are this prefix and a sequence, zero-padded to 6 digits (`RM-000042`). */
  MRN_PREFIX: Type.String({ default: 'RM-', pattern: '^[A-Z0-9-]{0,10}$' }),
  /**
   * The secret NIK and BPJS numbers are kept under: HKDF derives an AES-256-GCM key (the numbers
   * at rest) and an HMAC-SHA256 key (their exact-match lookup hashes, and claim-code hashes).
   * Required in production; elsewhere a development value is used, with a warning. Changing it
   * makes the stored numbers unreadable: keep it with the backups, apart from them.
   */
  PATIENT_DATA_KEY: Type.Optional(Type.String({ minLength: 32 })),
  /**
   * The key records are signed with (ES256): a PEM PKCS#8 P-256 private key file. Unset, a key is
   * generated on the first start and kept in the database, sealed under PATIENT_DATA_KEY. Either
   * way its public key is published at /api/records/.well-known/jwks.json, and stays there.
   */
  RECORD_SIGNING_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** How long a claim code for a profile registered at the front desk stays valid. */
  CLAIM_CODE_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 48 }),
  /** Claim attempts per signed-in user per 15 minutes (the code has 60 bits; this stops guessing). */
  RATE_LIMIT_CLAIM: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  /** A referral (REFERRED care relationship) lasts this many days; the referred doctor needs another relationship after. */
  REFERRAL_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  /** Break-the-glass: minutes of read access an emergency grant gives (reads under it are logged EMERGENCY and reviewed). */
  EMERGENCY_ACCESS_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 60 }),
  /**
   * Years a patient's records are kept after their last visit: records:purge-expired deletes
   * only older ones. Permenkes 24/2022 (Pasal 29) keeps medical records at least 25 years, so a
   * lower value is refused at start.
   */
  RETENTION_YEARS: Type.Integer({ minimum: 25, maximum: 200, default: 25 }),
})

export type Config = Static<typeof ConfigSchema>

/** Strict mode needs the internal secret; production refuses to run without either. */
export function checkConfig (config: Config): void {
  if (config.NODE_ENV === 'production' && !config.PATIENT_DATA_KEY) {
    throw new Error('PATIENT_DATA_KEY is required in production (32+ characters): NIK and BPJS numbers are encrypted with it')
  }
  if (config.NODE_ENV === 'production' && config.REVOCATION_STRICT && !config.INTERNAL_SECRET) {
    throw new Error('REVOCATION_STRICT needs INTERNAL_SECRET (the secret auth-service expects on /internal); set it, or REVOCATION_STRICT=false')
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}
