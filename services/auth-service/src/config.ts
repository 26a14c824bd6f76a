import type { Role } from '@rekam/auth-verify'
import { baseConfigProperties } from '@rekam/server-kit/startup'
import { Type, type Static } from '@sinclair/typebox'

/**
 * Every setting of auth-service. The schema is the type: loadConfig (@rekam/server-kit) validates the
 * environment against it at start and the service refuses to start on a bad value.
 */
export const ConfigSchema = Type.Object({
  ...baseConfigProperties(3001, 'auth'),
  JWT_ALGORITHM: Type.Union([Type.Literal('RS256'), Type.Literal('ES256'), Type.Literal('EdDSA')], { default: 'RS256' }),
  JWT_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 1 })),
  JWT_PRIVATE_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  JWT_PREVIOUS_PUBLIC_KEYS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** Keys in the database, rotated with `keys:rotate`; this secret seals their private halves. */
  KEY_ENCRYPTION_KEY: Type.Optional(Type.String({ minLength: 32 })),
  /** Seconds a rotated-in key is published before it signs, so verifiers know it first. */
  KEY_ACTIVATION_DELAY: Type.Integer({ minimum: 0, maximum: 86_400, default: 300 }),
  ACCESS_TOKEN_TTL: Type.Integer({ minimum: 30, maximum: 86_400, default: 900 }),
  REFRESH_TOKEN_TTL: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 604_800 }),
  SESSION_MAX_LIFETIME: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 2_592_000 }),
  REFRESH_GRACE_SECONDS: Type.Integer({ minimum: 0, maximum: 300, default: 10 }),
  /** Failed logins for one account (by the name given) before further attempts wait out the window. */
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  /** Failed logins from one client address (any account) before it waits out the window. */
  LOGIN_MAX_FAILURES_PER_IP: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
  LOGIN_FAILURE_WINDOW: Type.Integer({ minimum: 10, maximum: 86_400, default: 900 }),
  /** Requests per client address per minute: registrations, refreshes, password changes (and set-password), admin API. */
  RATE_LIMIT_REGISTER: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  RATE_LIMIT_REFRESH: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60 }),
  RATE_LIMIT_CHANGE_PASSWORD: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 5 }),
  RATE_LIMIT_ADMIN: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 120 }),
  BCRYPT_COST: Type.Integer({ minimum: 4, maximum: 15, default: 12 }),
  /** Worker threads that hash passwords; unset means one per available core. */
  PASSWORD_HASH_THREADS: Type.Optional(Type.Integer({ minimum: 1, maximum: 256 })),
  /** Password hashes that may wait for a thread; beyond that a login answers 503 with Retry-After. */
  PASSWORD_HASH_QUEUE: Type.Integer({ minimum: 0, maximum: 100_000, default: 64 }),
  /**
   * Where users open rekam (the gateway's address as they type it): set-password links start
   * with it. Without it they point at the launcher's http://localhost:3000.
   */
  PUBLIC_URL: Type.String({ pattern: '^https?://[^\\s/]+(/[^\\s]*)?$', maxLength: 500, default: 'http://localhost:3000' }),
  /**
   * Roles that must sign in with a second factor (comma-separated; `none` for no role: an empty
   * value means the default, as everywhere). Their sessions also get the staff limits.
   */
  MFA_REQUIRED_ROLES: Type.String({ pattern: '^(none|(PATIENT|DOCTOR|ADMIN)(,(PATIENT|DOCTOR|ADMIN))*)$', default: 'DOCTOR,ADMIN' }),
  /**
   * Seconds a staff session (a role of MFA_REQUIRED_ROLES) may go unused, counted from its last
   * refresh: a clinician's unattended screen must not stay signed in (OWASP ASVS 7.3.1).
   */
  SESSION_IDLE_TIMEOUT_STAFF: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 1800 }),
  /** Seconds a staff session lives at most from its sign-in, however busy: one working day. */
  SESSION_MAX_LIFETIME_STAFF: Type.Integer({ minimum: 60, maximum: 31_536_000, default: 43_200 }),
  /** Seals TOTP secrets at rest (AES-256-GCM); required in production, where losing it voids every TOTP factor. */
  MFA_ENCRYPTION_KEY: Type.Optional(Type.String({ minLength: 32 })),
  /** Seconds a sign-in (or reauthentication) counts as recent for the operations that need a step-up. */
  STEP_UP_MAX_AGE: Type.Integer({ minimum: 0, maximum: 3600, default: 300 }),
  /** The clinic's name: authenticator apps show it above a rekam code; staff invitations name the clinic by it. */
  MFA_ISSUER: Type.String({ minLength: 1, maxLength: 64, default: 'rekam' }),
  /**
   * The WebAuthn relying party id passkeys are bound to: a registrable domain of the origins
   * (PUBLIC_URL's host name unless set). Changing it later voids every passkey registered before.
   */
  WEBAUTHN_RP_ID: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.-]+$', maxLength: 253 })),
  /** Origins (comma-separated) a passkey ceremony may come from; PUBLIC_URL's origin unless set. */
  WEBAUTHN_ORIGINS: Type.Optional(Type.String({ pattern: '^https?://[^\\s,/]+(,https?://[^\\s,/]+)*$', maxLength: 2000 })),
  /** Passkey options (challenges) per client address per minute: each one writes a row. */
  RATE_LIMIT_WEBAUTHN_OPTIONS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  /**
   * Days a device (browser family and system) stays known after a sign-in from it: a sign-in from
   * none of the user's devices of this window is notified (NEW_DEVICE_SIGN_IN).
   */
  NEW_DEVICE_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  /** Days between a patient's request to delete their account and its erasure: the cooling-off period, cancellable. */
  ACCOUNT_DELETION_DELAY_DAYS: Type.Integer({ minimum: 0, maximum: 365, default: 14 }),
  /** Keep the rate-limit and lockout counters in Redis instead of PostgreSQL (`redis://` or `rediss://`). */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Prefix of every key rekam writes in Redis, so several deployments can share one server. */
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, maxLength: 64, default: 'rekam:auth:' }),
  /**
   * The SMTP server mail leaves through: `smtp://user:pass@host:587` (STARTTLS when offered) or
   * `smtps://host:465` (TLS from the start). Unset, every flow that must send mail answers
   * 503 MAIL_UNAVAILABLE.
   */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$', maxLength: 2000 })),
  /**
   * A PEM file of the CA certificate(s) that signed the SMTP server's certificate, trusted besides
   * the public CAs: for a relay whose certificate comes from the clinic's own CA.
   */
  SMTP_CA_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** The sender of every mail (RFC 5322 address, with a display name if wanted). */
  MAIL_FROM: Type.String({ minLength: 3, maxLength: 320, default: 'rekam <no-reply@localhost>' }),
  /**
   * `optional`: a new address is asked to verify itself, sign-in works meanwhile. `required`: sign-in
   * answers 403 EMAIL_NOT_VERIFIED until it is verified (needs SMTP_URL).
   */
  EMAIL_VERIFICATION: Type.Union([Type.Literal('optional'), Type.Literal('required')], { default: 'optional' }),
  /** Requests per client address per minute that use or ask for a mailed link (verify, resend, password reset). */
  RATE_LIMIT_EMAIL_LINKS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  /** Mails one address may be sent on request (a resent verification link, a password reset link) per hour, whoever asks. */
  MAIL_REQUESTS_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 1000, default: 3 }),
  /**
   * Reset links one account may be mailed on request per hour, counted on the account (a change of
   * address starts no new count). Past it a request still answers 202 and mails nothing.
   */
  PASSWORD_RESETS_PER_ACCOUNT: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
})

export type Config = Static<typeof ConfigSchema>

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
  }
}

/** The roles of MFA_REQUIRED_ROLES. */
export function mfaRequiredRoles (config: Pick<Config, 'MFA_REQUIRED_ROLES'>): ReadonlySet<Role> {
  return new Set(config.MFA_REQUIRED_ROLES.split(',').filter((role): role is Role => role !== 'none'))
}

/** Rules that span several variables, checked after the schema. */
export function checkConfig (config: Config): void {
  if (config.EMAIL_VERIFICATION === 'required' && !config.SMTP_URL) {
    throw new Error('EMAIL_VERIFICATION=required needs SMTP_URL: nobody could receive the link that lets them sign in')
  }
  if (config.NODE_ENV !== 'production') return
  if (!config.JWT_PRIVATE_KEY && !config.JWT_PRIVATE_KEY_FILE && !config.KEY_ENCRYPTION_KEY) {
    throw new Error('JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE or KEY_ENCRYPTION_KEY (keys in the database) is required when NODE_ENV=production')
  }
  if (!config.MFA_ENCRYPTION_KEY) {
    throw new Error('MFA_ENCRYPTION_KEY (32+ random characters, e.g. openssl rand -base64 48) is required when NODE_ENV=production: it seals the TOTP secrets')
  }
}
