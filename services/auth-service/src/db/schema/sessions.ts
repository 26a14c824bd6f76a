import { sql } from 'drizzle-orm'
import { bigserial, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'
import { users } from './users.js'

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

export type SessionRow = typeof sessions.$inferSelect
export type RefreshTokenRow = typeof refreshTokens.$inferSelect
export type RevocationRow = typeof revocations.$inferSelect
