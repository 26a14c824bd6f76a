import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { NotificationDetails } from '../../schemas/notification.js'
import { createdAt } from './columns.js'
import { users } from './users.js'

/**
 * Mail waiting to be sent, written in the same transaction as the change that causes it (the
 * transactional outbox): a rolled-back change sends nothing, an SMTP outage delays mail but loses
 * none. Bodies are erased once sent, so links do not linger in the database.
 */
export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  toAddress: text('to_address').notNull(),
  template: text('template').notNull(),
  locale: text('locale').notNull(),
  subject: text('subject').notNull(),
  /** Null once sent (or dropped). */
  textBody: text('text_body'),
  htmlBody: text('html_body'),
  createdAt: createdAt(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  /** A sender claimed the row until then; another may take it over after (a crashed sender). */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** The SMTP error's code and message of the last failed attempt, never the mail's content. */
  lastError: text('last_error'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** A mail with a link expires with its link; others after a week. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  /** Expired before it could be delivered. */
  droppedAt: timestamp('dropped_at', { withTimezone: true }),
}, (t) => [
  index('mail_outbox_next_attempt_at_idx').on(t.nextAttemptAt),
  index('mail_outbox_user_id_idx').on(t.userId),
])

export const emailTokenPurposeEnum = pgEnum('email_token_purpose', ['VERIFY_EMAIL', 'PASSWORD_RESET', 'EMAIL_CHANGE'])

/**
 * Single-use tokens sent by mail (verification, password reset, email change). Only the SHA-256
 * of a token is kept; a newer token of the same purpose voids the older ones.
 */
export const emailTokens = pgTable('email_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: emailTokenPurposeEnum('purpose').notNull(),
  /** SHA-256 of the token, hex. */
  tokenHash: text('token_hash').notNull(),
  /** Where the token was sent: the new address for EMAIL_CHANGE. */
  email: text('email').notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('email_tokens_token_hash_key').on(t.tokenHash),
  index('email_tokens_user_id_purpose_idx').on(t.userId, t.purpose),
  index('email_tokens_expires_at_idx').on(t.expiresAt),
])

export const notificationTypeEnum = pgEnum('notification_type', [
  'NEW_DEVICE_SIGN_IN',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'MFA_FACTOR_ADDED',
  'MFA_FACTOR_REMOVED',
  'EMAIL_CHANGED',
  'ACCOUNT_BLOCKED',
  'DELETION_REQUESTED',
  'DELETION_CANCELLED',
])

/** What the user is told about their account (also mailed): listed in the portal until read. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  type: notificationTypeEnum('type').notNull(),
  /** Where from, what changed (client address, browser, factor name, masked addresses). */
  details: jsonb('details').$type<NotificationDetails>().notNull().default({}),
  createdAt: createdAt(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [
  index('notifications_user_created_at_idx').on(t.userId, t.createdAt.desc()),
])

export type MailOutboxRow = typeof mailOutbox.$inferSelect
export type EmailTokenRow = typeof emailTokens.$inferSelect
export type EmailTokenPurpose = EmailTokenRow['purpose']
export type NotificationRow = typeof notifications.$inferSelect
export type NotificationType = NotificationRow['type']
