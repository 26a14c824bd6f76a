import { conflict, emailTokenInvalid, isUniqueViolation, validationError } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { maskEmail } from '../lib/mask-email.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import type { Mail } from '../plugins/app/mail.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { Actor } from './account-settings.js'
import type { PasswordCheck } from './password-check.js'

export interface EmailChangeDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  passwordCheck: PasswordCheck
  emailTokens: EmailTokens
  mail: Mail
  notifications: Notifications
  /** Where the portal is (PUBLIC_URL): links start with it. */
  publicUrl: string
  now: () => number
}

/** A confirmation link works this long (and once); a newer request voids it. */
export const EMAIL_CHANGE_TTL_SECONDS = 86_400

const taken = () => conflict('That email is already registered')

/**
 * Changing the account's email by link: a request (current password, step-up by the route) mails
 * a single-use link to the new address and a notice to the current one; opening the link (on any
 * device, no session needed) applies the change if the address is still free. Until then the
 * current address stays in use, for sign-in and for mail.
 */
export function createEmailChange (deps: EmailChangeDeps) {
  const { db, users, events, passwordCheck, emailTokens, mail, notifications, publicUrl, now } = deps
  const accountUrl = `${publicUrl.replace(/\/+$/, '')}/account`
  const nameOf = (user: UserRow) => user.fullName ?? user.username

  return {
    /** The address a change is waiting to be confirmed for, or null. */
    pending: (userId: string): Promise<string | null> => emailTokens.pendingEmail(userId, 'EMAIL_CHANGE'),

    /**
     * Starts a change to `email` (lower-cased): 503 MAIL_UNAVAILABLE without mail, 400 without the
     * current password, 403/429 when it is wrong (password-check), 409 when another account has
     * the address. Asking again (for this or another address) voids the earlier link.
     */
    async request (actor: Actor, user: UserRow, email: string, currentPassword: string | undefined, meta: ClientMeta): Promise<string> {
      mail.assertAvailable()
      if (currentPassword === undefined) {
        throw validationError('body.currentPassword is required to change the email', [
          { field: 'body.currentPassword', message: 'is required to change the email' },
        ])
      }
      await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'email_change', sessionId: actor.sessionId })
      const address = email.toLowerCase()
      if (await users.findByLogin({ email: address })) throw taken()
      await db.transaction(async (tx) => {
        const token = await emailTokens.issue(tx, { userId: user.id, purpose: 'EMAIL_CHANGE', email: address, ttlSeconds: EMAIL_CHANGE_TTL_SECONDS })
        const expiresAt = new Date(now() + EMAIL_CHANGE_TTL_SECONDS * 1000)
        await mail.enqueue(tx, {
          to: address,
          userId: user.id,
          locale: user.locale,
          template: 'email-change',
          params: { name: nameOf(user), url: mail.link('/confirm-email', token), validHours: EMAIL_CHANGE_TTL_SECONDS / 3600 },
          expiresAt,
        })
        await mail.enqueue(tx, {
          to: user.email,
          userId: user.id,
          locale: user.locale,
          template: 'email-change-requested',
          params: { name: nameOf(user), newEmail: maskEmail(address), accountUrl },
        })
        await events.record({ type: 'EMAIL_CHANGE_REQUESTED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
      })
      return address
    },

    /**
     * Applies the change of a confirmation link: 400 EMAIL_TOKEN_INVALID for an unknown, used,
     * voided or expired link, 409 when the address was taken meanwhile (the link stays usable
     * for nothing else: the transaction leaves it as it was). The new address counts as verified;
     * links sent to the old one (verification, password reset) stop working.
     */
    async confirm (token: string, meta: ClientMeta): Promise<UserRow> {
      try {
        return await db.transaction(async (tx) => {
          const row = await emailTokens.consume(tx, token, 'EMAIL_CHANGE')
          const user = row && await users.lockLive(row.userId, tx)
          if (!row || !user) throw emailTokenInvalid()
          if (await users.findByLogin({ email: row.email }, tx)) throw taken()
          const updated = (await users.update(user.id, { email: row.email, emailVerifiedAt: new Date(now()) }, tx))!
          await emailTokens.voidAll(tx, user.id, 'PASSWORD_RESET')
          await emailTokens.voidAll(tx, user.id, 'VERIFY_EMAIL')
          // Who and when only: the addresses themselves stay in the users table.
          await events.record({ type: 'EMAIL_CHANGED', userId: user.id }, meta, tx)
          const details = { oldEmail: maskEmail(user.email), newEmail: maskEmail(updated.email) }
          await notifications.notify(tx, updated, 'EMAIL_CHANGED', details)
          // The old address hears of it too: if the change was not its owner's, they learn it there.
          await mail.enqueue(tx, {
            to: user.email,
            userId: user.id,
            locale: user.locale,
            template: 'notice',
            params: { name: nameOf(user), type: 'EMAIL_CHANGED', details, accountUrl },
          })
          return updated
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw taken()
        throw err
      }
    },

    /** Voids the pending change's link; false when none was pending. */
    async cancel (userId: string): Promise<boolean> {
      if (await emailTokens.pendingEmail(userId, 'EMAIL_CHANGE') === null) return false
      await db.transaction((tx) => emailTokens.voidAll(tx, userId, 'EMAIL_CHANGE'))
      return true
    },
  }
}

export type EmailChange = ReturnType<typeof createEmailChange>
