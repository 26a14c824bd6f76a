import type { ClientMeta } from '../lib/client-meta.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { RevokeReason, SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { ExpiryReason } from './session-limits.js'

export interface SessionEndingsDeps {
  sessions: SessionsRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
}

/**
 * Ending sessions, always the same three steps in the caller's transaction: mark them, publish
 * them on the revocation feed (other services drop their access tokens), record an event each.
 */
export function createSessionEndings ({ sessions, events, revocations }: SessionEndingsDeps) {
  async function ended (userId: string, sessionIds: string[], reason: RevokeReason, meta: ClientMeta, tx: AuthDb) {
    // A session that reached a limit expired; any other ending revoked it.
    const type = reason === 'idle_timeout' || reason === 'absolute_lifetime' ? 'SESSION_EXPIRED' as const : 'SESSION_REVOKED' as const
    await revocations.sessions(sessionIds, tx)
    await events.record(sessionIds.map((sessionId) => ({ type, userId, sessionId, reason })), meta, tx)
  }

  return {
    /** Every live session of the user, but `exceptSessionId` when given; how many ended. */
    async endAll (userId: string, reason: RevokeReason, meta: ClientMeta, tx: AuthDb, exceptSessionId?: string): Promise<number> {
      const ids = await sessions.revokeAllForUser(userId, reason, exceptSessionId, tx)
      await ended(userId, ids, reason, meta, tx)
      return ids.length
    },

    /**
     * One session; false when it was not live (or, with `ownerCheck`, not the user's: a user
     * ending a session by id may only end their own).
     */
    /** A session found past its idle or absolute limit (session-limits); false when already ended. */
    async expire (sessionId: string, userId: string, reason: ExpiryReason, meta: ClientMeta, tx: AuthDb): Promise<boolean> {
      if (!await sessions.revoke(sessionId, reason, undefined, tx)) return false
      await ended(userId, [sessionId], reason, meta, tx)
      return true
    },

    async endOne (sessionId: string, userId: string, reason: RevokeReason, meta: ClientMeta, tx: AuthDb, ownerCheck: boolean): Promise<boolean> {
      if (!await sessions.revoke(sessionId, reason, ownerCheck ? userId : undefined, tx)) return false
      await ended(userId, [sessionId], reason, meta, tx)
      return true
    },
  }
}

export type SessionEndings = ReturnType<typeof createSessionEndings>
