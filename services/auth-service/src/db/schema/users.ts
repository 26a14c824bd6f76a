import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'

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

export type UserRow = typeof users.$inferSelect
export type SetPasswordTokenRow = typeof setPasswordTokens.$inferSelect
