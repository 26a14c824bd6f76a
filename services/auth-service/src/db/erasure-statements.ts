import { eq, inArray } from 'drizzle-orm'
import type { AuthDb } from '../plugins/app/db.js'
import {
  emailTokens, mailOutbox, mfaFactors, mfaTickets, notifications, recoveryCodes, securityEventClients, securityEvents, sessions, setPasswordTokens, users,
  webauthnChallenges, type UserRow,
} from './schema.js'

/**
 * The non-identifying unique value a deleted account's username and email become. 44 characters
 * and no `@`: longer than any username the API accepts and no email address, so nobody can
 * register it, sign in with it or be sent mail at it.
 */
export const erasedName = (userId: string) => `deleted-${userId}`

/**
 * Every piece of personal data auth-service holds about one account, erased in the caller's
 * transaction (docs/account-deletion.md lists it for operators): the one place that knows which
 * tables hold what. The users row stays, anonymised, so the ids other records carry (the medical
 * records in records-service, the security events here) still point at an account that exists
 * and can never sign in again.
 *
 * Sessions must have been ended (and published on the revocation feed) before: their rows go here.
 */
export async function eraseAccount (tx: AuthDb, userId: string, at: Date): Promise<UserRow | undefined> {
  // Second factors, passkeys and every kind of one-time secret.
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  await tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId))
  await tx.delete(mfaTickets).where(eq(mfaTickets.userId, userId))
  await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, userId))
  await tx.delete(setPasswordTokens).where(eq(setPasswordTokens.userId, userId))
  await tx.delete(emailTokens).where(eq(emailTokens.userId, userId))
  // What was said to the user, and the mail carrying it (addresses, sent or not).
  await tx.delete(notifications).where(eq(notifications.userId, userId))
  await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId))
  // Devices and addresses: the sessions (with their refresh tokens), and the client data of the
  // security events (kept beside them), whose types and times stay as the sealed audit trail of
  // the account (docs/audit-trail.md).
  await tx.delete(sessions).where(eq(sessions.userId, userId))
  await tx.delete(securityEventClients).where(inArray(securityEventClients.eventId, tx.select({ id: securityEvents.id }).from(securityEvents).where(eq(securityEvents.userId, userId))))
  const [row] = await tx.update(users).set({
    username: erasedName(userId),
    email: erasedName(userId),
    fullName: null,
    passwordHash: null,
    emailVerifiedAt: null,
    blocked: true,
    deletedAt: at,
    updatedAt: at,
  }).where(eq(users.id, userId)).returning()
  return row
}
