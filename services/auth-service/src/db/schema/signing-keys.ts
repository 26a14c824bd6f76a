import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'

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

export type SigningKeyRow = typeof signingKeys.$inferSelect
