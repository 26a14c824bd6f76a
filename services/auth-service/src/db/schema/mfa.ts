import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'
import { users } from './users.js'

export const mfaFactorTypeEnum = pgEnum('mfa_factor_type', ['totp', 'webauthn'])

/**
 * Second factors. A TOTP factor is pending until its first code is confirmed; a passkey is active
 * once its registration is verified. Secrets are sealed (AES-256-GCM), never stored in clear.
 */
export const mfaFactors = pgTable('mfa_factors', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  type: mfaFactorTypeEnum('type').notNull(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  /** Null while a TOTP enrolment waits for its first code. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  /** TOTP: the secret, sealed. */
  secretSealed: text('secret_sealed'),
  /** TOTP: the last time step a code was accepted for; a code of that step or earlier is a replay. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  /** WebAuthn: the credential id (base64url), its COSE public key (base64url), its counter. */
  credentialId: text('credential_id'),
  publicKey: text('public_key'),
  signCount: bigint('sign_count', { mode: 'number' }),
  transports: text('transports').array(),
  /** WebAuthn: the credential may be synced to other devices (backup eligible and backed up). */
  backedUp: boolean('backed_up'),
}, (t) => [
  index('mfa_factors_user_id_idx').on(t.userId),
  uniqueIndex('mfa_factors_credential_id_key').on(t.credentialId),
])

/** Recovery codes: only a SHA-256 of each is kept; each works once; a new set voids the old. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  createdAt: createdAt(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('recovery_codes_code_hash_key').on(t.codeHash),
  index('recovery_codes_user_id_idx').on(t.userId),
])

export const mfaTicketKindEnum = pgEnum('mfa_ticket_kind', ['verify', 'enroll'])

/**
 * What a right password earns a user who needs a second factor: a single-use ticket, never an
 * access token. `verify` tickets are spent on /mfa/verify; `enroll` tickets let a user who must
 * have a factor enrol one. Only the SHA-256 of the ticket is kept.
 */
export const mfaTickets = pgTable('mfa_tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: mfaTicketKindEnum('kind').notNull(),
  /** The methods already proven (RFC 8176), carried into the session. */
  amr: text('amr').array().notNull(),
  failures: integer('failures').notNull().default(0),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('mfa_tickets_token_hash_key').on(t.tokenHash),
  index('mfa_tickets_expires_at_idx').on(t.expiresAt),
])

/** WebAuthn challenges handed out by an options endpoint, spent once by the matching verify. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  challenge: text('challenge').notNull(),
  /** Null for a passkey sign-in, where the user is known only from the credential. */
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('webauthn_challenges_challenge_key').on(t.challenge),
  index('webauthn_challenges_expires_at_idx').on(t.expiresAt),
])

export type MfaFactorRow = typeof mfaFactors.$inferSelect
export type RecoveryCodeRow = typeof recoveryCodes.$inferSelect
export type MfaTicketRow = typeof mfaTickets.$inferSelect
export type WebauthnChallengeRow = typeof webauthnChallenges.$inferSelect
