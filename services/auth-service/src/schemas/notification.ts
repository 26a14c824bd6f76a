import { StrictObject, Type, type Static } from '@rekam/schemas'
import { notificationTypeEnum } from '../db/schema.js'

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
