import { refreshTokenInvalid } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { SessionRow, UserRow } from '../db/schema.js'
import { hashRefreshToken, newRefreshToken } from '../lib/refresh-token.js'
import { seal, unseal } from '../lib/seal.js'
import type { AccessTokenIssuer } from '../plugins/app/access-tokens.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { RevokeReason, SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { ClientMeta } from '../lib/client-meta.js'

export interface SessionManagerDeps {
  db: AuthDb
  sessions: SessionsRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
  accessTokens: AccessTokenIssuer
  sealKey: Buffer
  log: FastifyBaseLogger
  refreshTtlSeconds: number
  sessionMaxSeconds: number
  graceSeconds: number
}

type RefreshOutcome =
  | { kind: 'ok', tokens: Tokens }
  | { kind: 'invalid' }
  | { kind: 'reused', sessionId: string }

export type LogoutScope = 'current' | 'others' | 'all'

/**
 * Sessions and their token pairs. A session has an absolute end (SESSION_MAX_LIFETIME from
 * login); each refresh token is single-use, lives REFRESH_TOKEN_TTL at most and never past the
 * session's end. Reusing a rotated token revokes the session, except within the grace interval,
 * where the replay gets the very pair the first exchange produced.
 */
export function createSessionManager (deps: SessionManagerDeps) {
  const { db, sessions, events, revocations, accessTokens, sealKey } = deps

  /** Ends sessions: marks them, publishes them on the revocation feed, records an event each. */
  async function ended (userId: string, sessionIds: string[], reason: RevokeReason, meta: ClientMeta, tx: AuthDb) {
    await revocations.sessions(sessionIds, tx)
    await events.record(sessionIds.map((sessionId) => ({ type: 'SESSION_REVOKED' as const, userId, sessionId, reason })), meta, tx)
  }

  async function endSessions (userId: string, reason: RevokeReason, meta: ClientMeta, tx: AuthDb, exceptSessionId?: string): Promise<number> {
    const ids = await sessions.revokeAllForUser(userId, reason, exceptSessionId, tx)
    await ended(userId, ids, reason, meta, tx)
    return ids.length
  }

  async function endOne (sessionId: string, userId: string, reason: RevokeReason, meta: ClientMeta, tx: AuthDb, ownerCheck: boolean): Promise<boolean> {
    if (!await sessions.revoke(sessionId, reason, ownerCheck ? userId : undefined, tx)) return false
    await ended(userId, [sessionId], reason, meta, tx)
    return true
  }

  /** A new pair for the session, and the refresh token's row to store (only its hash is kept). */
  function mint (user: UserRow, session: SessionRow) {
    const refreshToken = newRefreshToken()
    const expiresAt = new Date(Math.min(Date.now() + deps.refreshTtlSeconds * 1000, session.expiresAt.getTime()))
    const tokens: Tokens = {
      accessToken: accessTokens.sign(user, session.id),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: accessTokens.ttlSeconds,
      refreshExpiresIn: Math.floor((expiresAt.getTime() - Date.now()) / 1000),
    }
    return { tokens, stored: { sessionId: session.id, tokenHash: hashRefreshToken(refreshToken), expiresAt } }
  }

  async function issue (user: UserRow, session: SessionRow, tx: AuthDb): Promise<Tokens> {
    const { tokens, stored } = mint(user, session)
    await sessions.insertRefreshToken(stored, tx)
    return tokens
  }

  async function exchange (refreshToken: string, meta: ClientMeta, tx: AuthDb): Promise<RefreshOutcome> {
    const found = await sessions.lockRefreshToken(hashRefreshToken(refreshToken), tx)
    if (!found) return { kind: 'invalid' }
    const { token, session, user } = found
    const now = Date.now()
    if (session.revokedAt || session.expiresAt.getTime() <= now || user.blocked) return { kind: 'invalid' }

    if (token.rotatedAt) {
      const withinGrace = now - token.rotatedAt.getTime() <= deps.graceSeconds * 1000
      const replay = withinGrace && token.successor ? unseal<Tokens>(sealKey, token.successor) : undefined
      if (replay) return { kind: 'ok', tokens: replay }
      await events.record({ type: 'REFRESH_REUSE_DETECTED', userId: user.id, sessionId: session.id }, meta, tx)
      await endOne(session.id, user.id, 'refresh_reuse', meta, tx, false)
      return { kind: 'reused', sessionId: session.id }
    }
    if (token.expiresAt.getTime() <= now) return { kind: 'invalid' }

    const { tokens, stored } = mint(user, session)
    await sessions.rotate(token.id, stored, deps.graceSeconds > 0 ? seal(sealKey, tokens) : null, tx)
    return { kind: 'ok', tokens }
  }

  return {
    /** Opens a session for a user who just proved who they are; runs in the caller's transaction. */
    async start (user: UserRow, meta: ClientMeta, tx: AuthDb = db): Promise<Tokens> {
      const session = await sessions.create({
        userId: user.id,
        expiresAt: new Date(Date.now() + deps.sessionMaxSeconds * 1000),
        userAgent: meta.userAgent,
        ip: meta.ip,
      }, tx)
      await events.record({ type: 'LOGIN_SUCCEEDED', userId: user.id, sessionId: session.id }, meta, tx)
      return issue(user, session, tx)
    },

    /** Ends every live session of a user (but one, when given), with a security event each. */
    endSessions (userId: string, reason: RevokeReason, meta: ClientMeta, options: { except?: string, tx?: AuthDb } = {}): Promise<number> {
      return options.tx
        ? endSessions(userId, reason, meta, options.tx, options.except)
        : db.transaction((tx) => endSessions(userId, reason, meta, tx, options.except))
    },

    /** Ends one session of the user; false when it was not one of their live sessions. */
    async endSession (sessionId: string, userId: string, reason: RevokeReason, meta: ClientMeta): Promise<boolean> {
      return db.transaction((tx) => endOne(sessionId, userId, reason, meta, tx, true))
    },

    /** Exchanges a refresh token for a new pair; throws 401 REFRESH_TOKEN_INVALID otherwise. */
    async refresh (refreshToken: string, meta: ClientMeta): Promise<Tokens> {
      // The revocation on reuse must commit, so the transaction returns an outcome instead of throwing.
      const outcome = await db.transaction((tx) => exchange(refreshToken, meta, tx))
      if (outcome.kind === 'ok') return outcome.tokens
      if (outcome.kind === 'reused') {
        deps.log.warn({ sessionId: outcome.sessionId }, 'refresh token reuse detected: session revoked')
      }
      throw refreshTokenInvalid()
    },

    /**
     * Ends the refresh token's session (`current`), the user's other sessions (`others`) or all
     * of them (`all`). Unknown tokens are ignored: logout is idempotent and reveals nothing.
     */
    async logout (refreshToken: string, scope: LogoutScope, meta: ClientMeta): Promise<void> {
      await db.transaction(async (tx) => {
        const found = await sessions.lockRefreshToken(hashRefreshToken(refreshToken), tx)
        if (!found) return
        const { session, user } = found
        if (scope === 'all') {
          await endSessions(user.id, 'logout_all', meta, tx)
          return
        }
        if (scope === 'others') {
          await endSessions(user.id, 'logout_others', meta, tx, session.id)
          return
        }
        await endOne(session.id, user.id, 'logout', meta, tx, false)
      })
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>
