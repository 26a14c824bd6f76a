import { securityEventTypeEnum, type SecurityEventRow } from '../db/schema.js'
import { PaginationQuerySchema, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'

/** The database enum is the one list of event types. */
export const SECURITY_EVENT_TYPES = securityEventTypeEnum.enumValues

export const SecurityEventTypeSchema = Type.Union(SECURITY_EVENT_TYPES.map((type) => Type.Literal(type)))

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const SecurityEventSchema = Type.Object({
  id: UuidSchema,
  type: SecurityEventTypeSchema,
  userId: Nullable(UuidSchema),
  actorUserId: Nullable(UuidSchema),
  sessionId: Nullable(UuidSchema),
  reason: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  createdAt: TimestampSchema,
}, { $id: 'SecurityEvent' })
export type SecurityEvent = Static<typeof SecurityEventSchema>

export function toSecurityEvent (row: SecurityEventRow): SecurityEvent {
  return { ...row, createdAt: row.createdAt.toISOString() }
}

export const SecurityEventQuerySchema = StrictObject({
  ...PaginationQuerySchema.properties,
  type: Type.Optional(SecurityEventTypeSchema),
  userId: Type.Optional(UuidSchema),
  from: Type.Optional(TimestampSchema),
  to: Type.Optional(TimestampSchema),
})
export type SecurityEventQuery = Static<typeof SecurityEventQuerySchema>

export const LoginHistoryQuerySchema = StrictObject(PaginationQuerySchema.properties)
