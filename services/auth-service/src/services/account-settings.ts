import { notFound } from '@rekam/errors'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { originOf } from '../lib/device.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { EmailTokens } from './email-tokens.js'
import type { Notifications } from '../plugins/app/notifications.js'
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
  notifications: Notifications
}

/** The signed-in user and the session making the change. */
export interface Actor {
  userId: string
  sessionId: string
}

/** Changes the signed-in user makes to their own account; sensitive ones ask for the current password again. */
export function createAccountSettings ({ db, passwords, passwordCheck, users, events, sessionManager, emailTokens, notifications }: AccountSettingsDeps) {
  async function currentUser (id: string): Promise<UserRow> {
    const user = await users.findById(id)
    if (!user) throw notFound('User not found')
    return user
  }

  return {
    currentUser,

    /** The full name (null clears it) and the language of the user's mail; the email changes by link (email-change). */
    async updateProfile (userId: string, { fullName, locale }: Pick<ProfileUpdate, 'fullName' | 'locale'>): Promise<UserRow> {
      return await users.update(userId, { ...(fullName !== undefined ? { fullName } : {}), ...(locale !== undefined ? { locale } : {}) }) ?? await currentUser(userId)
    },

    /** A new password (policy-checked, current one confirmed); every other session and any reset link end with it. */
    async changePassword (actor: Actor, { currentPassword, newPassword }: ChangePassword, meta: ClientMeta): Promise<void> {
      const user = await currentUser(actor.userId)
      passwords.assertAcceptable(newPassword, 'body.newPassword', [user.username, user.email, user.fullName ?? ''])
      await passwordCheck.confirmCurrent(user, currentPassword, meta, { purpose: 'password_change', sessionId: actor.sessionId })
      const passwordHash = await passwords.hash(newPassword)
      await db.transaction(async (tx) => {
        const updated = await users.update(user.id, { passwordHash }, tx)
        await events.record({ type: 'PASSWORD_CHANGED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
        await notifications.notify(tx, updated!, 'PASSWORD_CHANGED', originOf(meta))
        await sessionManager.endSessions(user.id, 'password_changed', meta, { except: actor.sessionId, tx })
        await emailTokens.voidAll(tx, user.id, 'PASSWORD_RESET')
      })
    },
  }
}

export type AccountSettings = ReturnType<typeof createAccountSettings>
