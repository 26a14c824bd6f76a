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
