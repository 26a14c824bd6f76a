import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * The seals of the audit trails: each one covers a batch of rows of one trail (its members), by a
 * Merkle root over their hashes, and is chained to the previous seal of the trail by its hash and
 * authenticated by a MAC under a key the database does not hold (docs/audit-trail.md). The
 * members are two arrays on the seal itself (one row per batch, not one per audited row: sealing
 * adds no index entry per row). Both services declare this table in their schema (re-exported
 * from here): one definition.
 */
export const auditSeals = pgTable('audit_seals', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The sealed table's name (`record_access_log`, `security_events`, …). */
  trail: text('trail').notNull(),
  /** 1, 2, 3, … per trail, without gaps. */
  seq: integer('seq').notNull(),
  rowCount: integer('row_count').notNull(),
  /** Hex SHA-256 Merkle root (RFC 6962 shape) over the members' row hashes, ordered by row id. */
  merkleRoot: text('merkle_root').notNull(),
  /** The seal_hash of seal seq - 1; null for the first seal. */
  previousSealHash: text('previous_seal_hash'),
  /** Hex SHA-256 of the RFC 8785 canonical JSON of the fields above and created_at. */
  sealHash: text('seal_hash').notNull(),
  /** Hex HMAC-SHA256 of seal_hash under the service's seal key. */
  mac: text('mac').notNull(),
  /**
   * The newest `at` among the members: where the next scan starts (less a margin for late
   * commits). Not sealed: it only narrows the scan, it proves nothing.
   */
  lastRowAt: timestamp('last_row_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** The ids of the rows the seal covers, in the order of the Merkle leaves (by row id). */
  memberIds: uuid('member_ids').array().notNull(),
  /** Each member's hex SHA-256 of the RFC 8785 canonical JSON of its sealed columns, at sealing time. */
  memberHashes: text('member_hashes').array().notNull(),
}, (t) => [
  uniqueIndex('audit_seals_trail_seq_key').on(t.trail, t.seq),
  // The sealer's scan excludes the members of the seals whose newest row is inside its window.
  index('audit_seals_trail_last_row_at_idx').on(t.trail, t.lastRowAt),
])
