import { sql } from 'drizzle-orm'
import { auditSeals } from '@rekam/db'
import { bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { emailTokens, mailOutbox, notifications } from './mail-schema.js'
import { mfaFactors, mfaTickets, recoveryCodes, webauthnChallenges } from './mfa-schema.js'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const roleEnum = pgEnum('role', ['PATIENT', 'DOCTOR', 'ADMIN'])

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-case: usernames and emails are unique regardless of case. */
  username: text('username').notNull(),
  email: text('email').notNull(),
  /** Null until the owner of an account an admin created sets a password (set-password link). */
  passwordHash: text('password_hash'),
  fullName: text('full_name'),
  role: roleEnum('role').notNull().default('PATIENT'),
  blocked: boolean('blocked').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** The language of the user's mail and portal: `id` (Bahasa Indonesia) or `en`. */
  locale: text('locale').$type<'id' | 'en'>().notNull().default('id'),
  /** When the owner proved the address by its link; null until then. */
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** The owner asked for the account to be erased; it is, after the cooling-off period, unless cancelled. */
  deletionRequestedAt: timestamp('deletion_requested_at', { withTimezone: true }),
  /** Personal data erased: the row stays only so medical records keep a valid reference. */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('users_username_key').on(t.username),
  uniqueIndex('users_email_key').on(t.email),
])

export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  /** Absolute end: rotation never extends a session past it. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
  userAgent: text('user_agent'),
  ip: text('ip'),
  /** How the user proved who they are (RFC 8176 values); a refresh keeps them, step-up adds to them. */
  amr: text('amr').array().notNull().default(sql`'{pwd}'::text[]`),
  /** urn:rekam:aal1 (one factor) or urn:rekam:aal2 (a second factor or a passkey). */
  acr: text('acr').notNull().default('urn:rekam:aal1'),
  /** When the user last proved it (sign-in or step-up): the access token's auth_time. */
  authTime: timestamp('auth_time', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sessions_user_id_idx').on(t.userId)])

export const refreshTokens = pgTable('refresh_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Set when the token is exchanged; presenting it again after the grace interval is reuse. */
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  /** The successor pair, encrypted, kept only for the grace interval so parallel refreshes converge. */
  successor: text('successor'),
}, (t) => [
  uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
  index('refresh_tokens_session_id_idx').on(t.sessionId),
])

export const securityEventTypeEnum = pgEnum('security_event_type', [
  'USER_REGISTERED',
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'REFRESH_REUSE_DETECTED',
  'SESSION_REVOKED',
  'PASSWORD_CHANGED',
  'ROLE_CHANGED',
  'USER_BLOCKED',
  'USER_UNBLOCKED',
  'KEY_ROTATED',
  'LOGIN_LOCKED',
  'PASSWORD_CHECK_FAILED',
  'EMAIL_CHANGED',
  'USER_INVITED',
  'USER_CREATED',
  'PASSWORD_SET',
  'LOCKOUT_CLEARED',
  'CSRF_REJECTED',
  'MFA_FACTOR_ADDED',
  'MFA_FACTOR_REMOVED',
  'MFA_FACTORS_RESET',
  'MFA_SUCCEEDED',
  'MFA_FAILED',
  'RECOVERY_CODE_USED',
  'RECOVERY_CODES_REGENERATED',
  'STEP_UP',
  'SESSION_EXPIRED',
  'EMAIL_VERIFIED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'EMAIL_CHANGE_REQUESTED',
  'ACCOUNT_DELETION_REQUESTED',
  'ACCOUNT_DELETION_CANCELLED',
  'ACCOUNT_DELETED',
])

/** What happened to whose account, from where: the audit trail of authentication. */
export const securityEvents = pgTable('security_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: securityEventTypeEnum('type').notNull(),
  /** The account concerned, when known (a failed login for an unknown name has none). */
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  /** Who caused it when that is someone else (an admin changing a role). */
  actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  sessionId: uuid('session_id'),
  reason: text('reason'),
  requestId: text('request_id'),
  createdAt: createdAt(),
}, (t) => [
  index('security_events_created_at_idx').on(t.createdAt.desc()),
  index('security_events_user_created_at_idx').on(t.userId, t.createdAt.desc()),
  index('security_events_type_created_at_idx').on(t.type, t.createdAt.desc()),
])

/**
 * Where a security event came from: the client's address and user agent. Personal data kept
 * beside the event rather than in it: the event is part of the sealed, insert-only trail
 * (docs/audit-trail.md), and account erasure deletes these rows (UU PDP) without touching it.
 */
export const securityEventClients = pgTable('security_event_clients', {
  eventId: uuid('event_id').primaryKey().references(() => securityEvents.id, { onDelete: 'restrict' }),
  ip: text('ip'),
  userAgent: text('user_agent'),
})

export const revocationKindEnum = pgEnum('revocation_kind', ['SESSION', 'USER', 'ERASED'])

/**
 * The revocation feed: sessions ended, users blocked and accounts erased, in order. A SESSION or
 * USER entry matters only until `expires_at`, when every access token it could concern has
 * expired anyway; an ERASED entry stays for ERASURE_NOTICE_DAYS, so that a follower that was
 * down when the account was erased still learns of it (records-service unlinks the account's
 * patient profile).
 */
export const revocations = pgTable('revocations', {
  /** The feed's cursor: strictly increasing. */
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  kind: revocationKindEnum('kind').notNull(),
  /** A session id, or a user id (USER, ERASED). */
  subject: uuid('subject').notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('revocations_expires_at_idx').on(t.expiresAt)])

/**
 * Signing keys when they live in the database (KEY_ENCRYPTION_KEY set): private keys sealed with
 * AES-256-GCM under a key derived from KEY_ENCRYPTION_KEY, never stored in clear.
 */
export const signingKeys = pgTable('signing_keys', {
  /** RFC 7638 thumbprint of the public key. */
  kid: text('kid').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicKey: text('public_key').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: createdAt(),
  /** Published in the JWKS at once; signs from this time on. */
  activatesAt: timestamp('activates_at', { withTimezone: true }).notNull(),
  /** Set when the key left the JWKS for good. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
})

/**
 * Fixed-window counters shared by every instance: login failures per account and per client
 * address, and the per-route request limits.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
}, (t) => [index('rate_limits_window_start_idx').on(t.windowStart)])

/**
 * One-time links that let the owner of an account made for them (admin invite, `admin:create`)
 * choose its password. Only the SHA-256 of the token is kept; a token works once, until it expires.
 */
export const setPasswordTokens = pgTable('set_password_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 of the token, hex. */
  tokenHash: text('token_hash').notNull(),
  /** The admin who created the account; null when it came from the command line. */
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('set_password_tokens_token_hash_key').on(t.tokenHash),
  index('set_password_tokens_user_id_idx').on(t.userId),
  index('set_password_tokens_expires_at_idx').on(t.expiresAt),
])

export * from './mfa-schema.js'
export * from './mail-schema.js'
export { auditSeals }
export const schema = {
  users,
  sessions,
  refreshTokens,
  securityEvents,
  securityEventClients,
  auditSeals,
  revocations,
  signingKeys,
  rateLimits,
  setPasswordTokens,
  mfaFactors,
  recoveryCodes,
  mfaTickets,
  webauthnChallenges,
  mailOutbox,
  emailTokens,
  notifications,
}
export type AuthSchema = typeof schema
export type UserRow = typeof users.$inferSelect
export type SessionRow = typeof sessions.$inferSelect
export type RefreshTokenRow = typeof refreshTokens.$inferSelect
/** An event with its client (ip and user agent null once erased or never known). */
export type SecurityEventRow = typeof securityEvents.$inferSelect & { ip: string | null, userAgent: string | null }
export type SecurityEventType = SecurityEventRow['type']
export type RevocationRow = typeof revocations.$inferSelect
export type SigningKeyRow = typeof signingKeys.$inferSelect
export type SetPasswordTokenRow = typeof setPasswordTokens.$inferSelect
export type MfaFactorRow = typeof mfaFactors.$inferSelect
export type RecoveryCodeRow = typeof recoveryCodes.$inferSelect
export type MfaTicketRow = typeof mfaTickets.$inferSelect
export type WebauthnChallengeRow = typeof webauthnChallenges.$inferSelect
export type MailOutboxRow = typeof mailOutbox.$inferSelect
export type EmailTokenRow = typeof emailTokens.$inferSelect
export type EmailTokenPurpose = EmailTokenRow['purpose']
export type NotificationRow = typeof notifications.$inferSelect
export type NotificationType = NotificationRow['type']
