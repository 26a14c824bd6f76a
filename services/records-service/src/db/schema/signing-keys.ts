import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'

/**
 * The keys records are signed with. Never deleted: a record signed decades ago stays verifiable
 * against the published keys. The private key is kept only sealed under a key derived from
 * PATIENT_DATA_KEY; `retired_at` ends its use for new signatures.
 */
export const recordSigningKeys = pgTable('record_signing_keys', {
  kid: text('kid').primaryKey(),
  algorithm: text('algorithm').notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
})

export type RecordSigningKeyRow = typeof recordSigningKeys.$inferSelect
