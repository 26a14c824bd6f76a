import { pageOf, StrictObject, TimestampSchema, Type, UuidSchema, type Static } from '@rekam/schemas'
import { notificationTypeEnum, type NotificationRow } from '../db/schema.js'

/** The database enum is the one list of notification types. */
export const NOTIFICATION_TYPES = notificationTypeEnum.enumValues

export const NotificationTypeSchema = Type.Union(NOTIFICATION_TYPES.map((type) => Type.Literal(type)))

/**
 * What a notification says beyond its type. Addresses are masked (`s***@example.com`): a notice
 * may reach an address that is no longer the account's.
 */
export const NotificationDetailsSchema = StrictObject({
  /** The client address the change came from. */
  ip: Type.Optional(Type.String({ maxLength: 64 })),
  /** A short summary of the browser or device ("Firefox on Linux"). */
  device: Type.Optional(Type.String({ maxLength: 200 })),
  /** The second factor added or removed (its name). */
  factor: Type.Optional(Type.String({ maxLength: 200 })),
  /** Email change: the old and the new address, masked. */
  oldEmail: Type.Optional(Type.String({ maxLength: 320 })),
  newEmail: Type.Optional(Type.String({ maxLength: 320 })),
  /** Deletion: when the account will be erased (ISO 8601). */
  effectiveAt: Type.Optional(Type.String({ format: 'date-time' })),
})
export type NotificationDetails = Static<typeof NotificationDetailsSchema>

/** A notification as its user reads it. */
export const NotificationSchema = Type.Object({
  id: UuidSchema,
  type: NotificationTypeSchema,
  details: NotificationDetailsSchema,
  createdAt: TimestampSchema,
  /** When the user marked it read; null while unread. */
  readAt: Type.Union([TimestampSchema, Type.Null()]),
}, { $id: 'Notification' })
export type Notification = Static<typeof NotificationSchema>

export function toNotification (row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }
}

export const NotificationPageSchema = Type.Object({
  ...pageOf(NotificationSchema).properties,
  unread: Type.Integer({ minimum: 0, description: 'How many of all the user\'s notifications are unread' }),
})

export const NotificationReadBodySchema = StrictObject({
  ids: Type.Optional(Type.Array(UuidSchema, { minItems: 1, maxItems: 100, description: 'The notifications to mark read; all of the user\'s when left out' })),
}, { examples: [{}, { ids: ['3f0e7c1e-2b7a-4c55-9b8e-0d6a1f2b3c4d'] }] })
export type NotificationReadBody = Static<typeof NotificationReadBodySchema>
