import { forbidden, notFound } from '@rekam/errors'
import { eraseAccount } from '../db/erasure-statements.js'
import type { UserRow } from '../db/schema.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { UsersRepository } from '../plugins/app/users-repository.js'
import type { Actor } from './account-settings.js'
import type { SessionManager } from './session-manager.js'

export interface AccountDeletionDeps {
  db: AuthDb
  users: UsersRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
  sessionManager: SessionManager
  notifications: Notifications
  /** Days between the request and the erasure (ACCOUNT_DELETION_DELAY_DAYS): the user may cancel until then. */
  delayDays: number
  now: () => number
}

/** A scheduled deletion: when it was asked for and when the account is erased. */
export interface DeletionSchedule {
  requestedAt: Date
  scheduledFor: Date
}

/** The job's origin in the security events it records: no request, no client. */
const JOB_META: ClientMeta = { userAgent: null, ip: null, requestId: 'account-erasure' }

/** Erasures per run of the job: each is its own transaction, and the next run takes the rest. */
const ERASURES_PER_RUN = 100

/**
 * A patient's right to erasure (UU 27/2022 PDP art. 8, GDPR art. 17) with a cooling-off period:
 * the request schedules the erasure `delayDays` later, the user can cancel until then (signing in
 * still works), and the housekeeping job erases what is due (docs/account-deletion.md).
 * Staff accounts are closed by an administrator (blocked), not deleted by their owner: their
 * authorship of medical records must stay attributable.
 */
export function createAccountDeletion (deps: AccountDeletionDeps) {
  const { db, users, events, revocations, sessionManager, notifications, now } = deps
  const delayMs = deps.delayDays * 86_400_000

  /** The schedule of a user's pending deletion, or null. */
  function scheduleOf (user: Pick<UserRow, 'deletionRequestedAt'>): DeletionSchedule | null {
    const requestedAt = user.deletionRequestedAt
    return requestedAt ? { requestedAt, scheduledFor: new Date(requestedAt.getTime() + delayMs) } : null
  }

  /** Erases one account whose deletion is due, in its own transaction; false when it no longer is (cancelled, or erased by another instance). */
  async function eraseOne (userId: string, cutoff: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const user = await users.lockLive(userId, tx)
      if (!user?.deletionRequestedAt || user.deletionRequestedAt > cutoff) return false
      // Every token of the account stops working everywhere (records-service follows the feed),
      // by the path a block takes; then the sessions' rows go with the rest of the personal data.
      await revocations.user(userId, tx)
      await sessionManager.endSessions(userId, 'account_deleted', JOB_META, { tx })
      await eraseAccount(tx, userId, new Date(now()))
      // records-service follows the feed too: it unlinks the patient profile and clears its contact data.
      await revocations.erased(userId, tx)
      await events.record({ type: 'ACCOUNT_DELETED', userId, reason: `requested ${user.deletionRequestedAt.toISOString()}` }, JOB_META, tx)
      return true
    })
  }

  return {
    scheduleOf,

    /**
     * Schedules the erasure of a PATIENT's own account (403 for staff); asking again while one is
     * pending answers the same schedule and notifies nobody twice.
     */
    async request (actor: Actor, meta: ClientMeta): Promise<DeletionSchedule> {
      return db.transaction(async (tx) => {
        const user = await users.lockLive(actor.userId, tx)
        if (!user) throw notFound('User not found')
        if (user.role !== 'PATIENT') throw forbidden('Staff accounts are closed by an administrator')
        const pending = scheduleOf(user)
        if (pending) return pending
        const requestedAt = new Date(now())
        const updated = (await users.update(user.id, { deletionRequestedAt: requestedAt }, tx))!
        const schedule = scheduleOf(updated)!
        await events.record({ type: 'ACCOUNT_DELETION_REQUESTED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
        await notifications.notify(tx, updated, 'DELETION_REQUESTED', { effectiveAt: schedule.scheduledFor.toISOString() })
        return schedule
      })
    },

    /** Cancels the user's pending deletion; 404 when none is pending. */
    async cancel (actor: Actor, meta: ClientMeta): Promise<void> {
      await db.transaction(async (tx) => {
        const user = await users.lockLive(actor.userId, tx)
        if (!user?.deletionRequestedAt) throw notFound('No account deletion is scheduled')
        const updated = (await users.update(user.id, { deletionRequestedAt: null }, tx))!
        await events.record({ type: 'ACCOUNT_DELETION_CANCELLED', userId: user.id, sessionId: actor.sessionId }, meta, tx)
        await notifications.notify(tx, updated, 'DELETION_CANCELLED', {})
      })
    },

    /**
     * The housekeeping job: erases the accounts whose cooling-off period has ended by the app's
     * clock, oldest request first; how many it erased.
     */
    async eraseDue (): Promise<number> {
      const cutoff = new Date(now() - delayMs)
      let erased = 0
      for (const id of await users.dueForDeletion(cutoff, ERASURES_PER_RUN)) if (await eraseOne(id, cutoff)) erased++
      return erased
    },
  }
}

export type AccountDeletion = ReturnType<typeof createAccountDeletion>
