import type { SessionRow } from '../db/schema.js'
import type { SessionExpiry } from '../services/session-limits.js'
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

/** The session of the access token making the request, with the times a UI warns before. */
export const CurrentSessionSchema = Type.Object({
  id: UuidSchema,
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema,
  /** When it ends unless refreshed before: the last use plus the idle limit of the user's role. */
  idleExpiresAt: TimestampSchema,
  /** When it ends however it is used. */
  absoluteExpiresAt: TimestampSchema,
  idleTimeoutSeconds: Type.Integer({ minimum: 0 }),
  /** How the user proved who they are (RFC 8176 values), the assurance level and when. */
  amr: Type.Array(Type.String()),
  acr: Type.String(),
  authTime: TimestampSchema,
})
export type CurrentSession = Static<typeof CurrentSessionSchema>

export function toCurrentSession (row: SessionRow, expiry: SessionExpiry): CurrentSession {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    idleExpiresAt: expiry.idleExpiresAt.toISOString(),
    absoluteExpiresAt: expiry.absoluteExpiresAt.toISOString(),
    idleTimeoutSeconds: expiry.idleTimeoutSeconds,
    amr: row.amr,
    acr: row.acr,
    authTime: row.authTime.toISOString(),
  }
}
