import { StrictObject, TimestampSchema, Type, type Static } from '@rekam/schemas'
import type { UserRow } from '../db/schema.js'
import type { DeletionSchedule } from '../services/account-deletion.js'
import { toUser, UserSchema } from './user.js'

/**
 * The signed-in user's own account (GET /me, PUT /profile): the user, as every answer shows it
 * (so a client's signed-in user is the same object however it was read), and beside it the email
 * change waiting for its link to be opened.
 */
export const AccountSchema = Type.Object({
  user: UserSchema,
  pendingEmail: Type.Union([Type.String(), Type.Null()], { description: 'A new address waiting for the link sent to it (null: none); the email in use stays user.email until then' }),
})
export type Account = Static<typeof AccountSchema>

export function toAccount (row: UserRow, pendingEmail: string | null): Account {
  return { user: toUser(row), pendingEmail }
}

export const EmailConfirmBodySchema = StrictObject({
  token: Type.String({ minLength: 20, maxLength: 256, description: 'The #token=... part of the /confirm-email link' }),
}, { examples: [{ token: 'qELXyLc-Jl6dcfg10I1vLmOoq9WhUog4JPDg5UKsyH0' }] })
export type EmailConfirmBody = Static<typeof EmailConfirmBodySchema>

export const DeletionStatusSchema = Type.Object({
  deletion: Type.Union([
    Type.Object({
      requestedAt: TimestampSchema,
      scheduledFor: TimestampSchema,
    }),
    Type.Null(),
  ], { description: 'The scheduled erasure, or null when none is pending' }),
  delayDays: Type.Integer({ description: 'Days between a request and the erasure (ACCOUNT_DELETION_DELAY_DAYS)' }),
})
export type DeletionStatus = Static<typeof DeletionStatusSchema>

export function toDeletionStatus (schedule: DeletionSchedule | null, delayDays: number): DeletionStatus {
  return {
    deletion: schedule && { requestedAt: schedule.requestedAt.toISOString(), scheduledFor: schedule.scheduledFor.toISOString() },
    delayDays,
  }
}
