import type { SessionRow } from '../db/schema.js'
import { TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'

export const SessionSchema = Type.Object({
  id: UuidSchema,
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema,
  expiresAt: TimestampSchema,
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  /** True for the session of the access token making the request. */
  current: Type.Boolean(),
})
export type Session = Static<typeof SessionSchema>

/** A live session as its user sees it; `current` marks the one making the request. */
export function toSession (row: SessionRow, currentSessionId: string): Session {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    ip: row.ip,
    current: row.id === currentSessionId,
  }
}
