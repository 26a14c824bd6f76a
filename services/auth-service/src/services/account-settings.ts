import { conflict, isUniqueViolation, notFound, validationError } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import type { Passwords } from '../plugins/app/passwords.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { ChangePassword, ProfileUpdate } from '../schemas/auth.js'
import type { PasswordCheck } from './password-check.js'
import type { SessionManager } from './session-manager.js'

export interface AccountSettingsDeps {
  db: AuthDb
  passwords: Passwords
  passwordCheck: PasswordCheck
  users: UsersRepository
  events: SecurityEventsRepository
  sessionManager: SessionManager
  emailTokens: EmailTokens
}

/** The signed-in user and the session making the change. */
export interface Actor {
  userId: string
  sessionId: string
}

/** Changes the signed-in user makes to their own account; sensitive ones ask for the current password again. */
export function createAccountSettings ({ db, passwords, passwordCheck, users, events, sessionManager, emailTokens }: AccountSettingsDeps) {
  async function currentUser (id: string): Promise<UserRow> {
    const user = await users.findById(id)
    if (!user) throw notFound('User not found')
    return user
  }

  return {
    currentUser,

    /**
     * Full name, language and email; a new email needs the current password (400 without it, 401 or 429
     * when it is wrong, see password-check) and answers 409 CONFLICT when another account has it.
     */
    async updateProfile (actor: Actor, { fullName, email, currentPassword, locale }: ProfileUpdate, meta: ClientMeta): Promise<UserRow> {
      const user = await currentUser(actor.userId)
      const emailChanges = email !== undefined && email.toLowerCase() !== user.email
      if (emailChanges) {
        if (currentPassword === undefined) {
          throw validationError('body.currentPassword is required to change the email', [
            { field: 'body.currentPassword', message: 'is required to change the email' },
          ])
        }
        await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'email_change', sessionId: actor.sessionId })
      }
      try {
        const updated = await db.transaction(async (tx) => {
          const row = await users.update(user.id, {
            ...(fullName !== undefined ? { fullName } : {}),
            ...(locale !== undefined ? { locale } : {}),
            ...(emailChanges ? { email } : {}),
          }, tx)
          // Who and when only: the addresses themselves stay in the users table.
          if (emailChanges) await events.record({ type: 'EMAIL_CHANGED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
          return row
        })
        return updated ?? user
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('That email is already registered')
        throw err
      }
    },

    /** A new password (policy-checked, current one confirmed); every other session and any reset link end with it. */
    async changePassword (actor: Actor, { currentPassword, newPassword }: ChangePassword, meta: ClientMeta): Promise<void> {
      const user = await currentUser(actor.userId)
      passwords.assertAcceptable(newPassword, 'body.newPassword', [user.username, user.email, user.fullName ?? ''])
      await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'password_change', sessionId: actor.sessionId })
      const passwordHash = await passwords.hash(newPassword)
      await db.transaction(async (tx) => {
        await users.update(user.id, { passwordHash }, tx)
        await events.record({ type: 'PASSWORD_CHANGED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
        await sessionManager.endSessions(user.id, 'password_changed', meta, { except: actor.sessionId, tx })
        await emailTokens.voidAll(tx, user.id, 'PASSWORD_RESET')
      })
    },
  }
}

export type AccountSettings = ReturnType<typeof createAccountSettings>
