import { conflict, forbidden, notFound } from '@rekam/errors'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { UserRow } from '../db/schema.js'
import type { PasswordCheck } from './password-check.js'
import type { SessionManager } from './session-manager.js'

export interface UserAdministrationDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
  sessionManager: SessionManager
  passwordCheck: PasswordCheck
  notifications: Notifications
}

export interface UserChange {
  role?: UserRow['role'] | undefined
  blocked?: boolean | undefined
}

const isActiveAdmin = (user: UserRow) => user.role === 'ADMIN' && !user.blocked

/** An admin's changes to another user's role and blocked state. */
export function createUserAdministration (deps: UserAdministrationDeps) {
  const { db, users, events, revocations, sessionManager, passwordCheck, notifications } = deps

  return {
    /**
     * Changes a user's role or blocked state. Ids arrive canonical (lower case, see UuidSchema), so
     * the self-check cannot be sidestepped by spelling; the last active admin is kept in the same
     * transaction, so no change, however concurrent, leaves the clinic without one.
     */
    async change (actorUserId: string, id: string, change: UserChange, meta: ClientMeta): Promise<UserRow> {
      // An admin cannot lock themselves out; another admin has to do it.
      if (id === actorUserId) throw forbidden('Administrators cannot change their own role or block themselves')
      const { role, blocked } = change
      const actor = { actorUserId, userId: id }
      const user = await db.transaction(async (tx) => {
        await users.lockActiveAdmins(tx)
        const before = await users.findById(id, tx)
        // A deleted account is gone for the admin API too: nothing may unblock or revive it.
        if (!before || before.deletedAt) return undefined
        const updated = await users.update(id, {
          ...(role !== undefined ? { role } : {}),
          ...(blocked !== undefined ? { blocked } : {}),
        }, tx)
        const demoted = isActiveAdmin(before) && !isActiveAdmin(updated!)
        if (demoted && await users.countActiveAdmins(tx) === 0) {
          throw conflict('This change would leave no active administrator; promote or unblock another one first')
        }
        const roleChanged = role !== undefined && role !== before.role
        if (roleChanged) await events.record({ ...actor, type: 'ROLE_CHANGED', reason: `${before.role} -> ${role}` }, meta, tx)
        if (blocked !== undefined && blocked !== before.blocked) {
          await events.record({ ...actor, type: blocked ? 'USER_BLOCKED' : 'USER_UNBLOCKED' }, meta, tx)
        }
        // A block or a role change ends the user's sessions: no token keeps powers it should lose.
        if (blocked === true) {
          await revocations.user(id, tx)
          // Told by mail too: a blocked user cannot sign in to read it in the portal.
          if (!before.blocked) await notifications.notify(tx, updated!, 'ACCOUNT_BLOCKED', {})
          await sessionManager.endSessions(id, 'user_blocked', meta, { tx })
        } else if (roleChanged) await sessionManager.endSessions(id, 'role_changed', meta, { tx })
        return updated
      })
      if (!user) throw notFound('User not found')
      return user
    },

    /**
     * Clears the user's sign-in lockout (the failure counts of the account under its username and
     * email; a client address's count is not the account's to clear). 404 for an unknown user.
     */
    async unlock (actorUserId: string, id: string, meta: ClientMeta): Promise<UserRow> {
      const user = await users.findById(id)
      if (!user || user.deletedAt) throw notFound('User not found')
      await passwordCheck.unlock(user)
      await events.record({ type: 'LOCKOUT_CLEARED', userId: id, actorUserId }, meta)
      return user
    },
  }
}

export type UserAdministration = ReturnType<typeof createUserAdministration>
