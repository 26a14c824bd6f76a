import { Type, type Static } from '@rekam/schemas'
import type { RevocationRow } from '../db/schema.js'

/** One entry of the revocation feed that other services follow (ids as text: they are bigints). */
export const FeedEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('SESSION'), Type.Literal('USER'), Type.Literal('ERASED')], {
    description: 'SESSION: a session ended; USER: every token of the user issued up to revokedAt; ERASED: the account was erased (its tokens are revoked by a USER entry too)',
  }),
  subject: Type.String({ format: 'uuid' }),
  revokedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type FeedEntry = Static<typeof FeedEntrySchema>

export const toFeedEntry = (row: RevocationRow): FeedEntry => ({
  id: row.id.toString(),
  kind: row.kind,
  subject: row.subject,
  revokedAt: row.revokedAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
})
