import { refreshTokenInvalid } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { RefreshTokenRow, SessionRow, UserRow } from '../db/schema.js'
import { hashRefreshToken, newRefreshToken } from '../lib/refresh-token.js'
import { seal, unseal } from '../lib/seal.js'
import type { AccessTokens, AccessTokenSubject } from '../plugins/app/access-tokens.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { RefreshCandidate, RevokeReason, SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { ClientMeta } from '../lib/client-meta.js'
import type { WindowCount } from './counters.js'

export interface SessionManagerDeps {
  db: AuthDb
  sessions: SessionsRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
  accessTokens: AccessTokens
  rateLimits: RateLimitsRepository
  /** The rate-limit counters live in PostgreSQL (not Redis), so a refresh counts in its lookup. */
  countsInDatabase: boolean
  sealKey: Buffer
  log: FastifyBaseLogger
  refreshTtlSeconds: number
  sessionMaxSeconds: number
  graceSeconds: number
}

/** The per-address limit of refreshes: at most `max` in each window, counted under `key`. */
export interface RefreshLimit {
  key: string
  windowSeconds: number
  max: number
}

/** A new pair, or no work done because the limit is reached; either way the counter's state. */
export type RefreshResult =
  | { limited: false, tokens: Tokens, window: WindowCount }
  | { limited: true, window: WindowCount }

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
  function mint (user: AccessTokenSubject, session: { id: string, expiresAt: Date }) {
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

  /** A live session's unexpired token, not rotated or rotated within the grace interval. */
  function isCurrent ({ token, session, user }: { token: RefreshTokenRow, session: SessionRow, user: UserRow }, now: number): boolean {
    if (session.revokedAt || session.expiresAt.getTime() <= now || user.blocked) return false
    if (token.expiresAt.getTime() <= now) return false
    return token.rotatedAt === null || now - token.rotatedAt.getTime() <= deps.graceSeconds * 1000
  }

  const sealed = (tokens: Tokens) => deps.graceSeconds > 0 ? seal(sealKey, tokens) : null

  /**
   * The exchange under the token's row lock, in a transaction: for tokens already rotated (a
   * replay within the grace interval, or reuse, which revokes the session) and for a token a
   * concurrent exchange rotated first.
   */
  async function exchange (tokenHash: string, meta: ClientMeta, tx: AuthDb): Promise<RefreshOutcome> {
    const found = await sessions.lockRefreshToken(tokenHash, tx)
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
    if (!await sessions.rotate(token.id, stored, sealed(tokens), tx)) return { kind: 'invalid' }
    return { kind: 'ok', tokens }
  }

  /**
   * The common case without a transaction: an unrotated token of a live session rotates in one
   * conditional statement (see `sessions.rotate`), which writes nothing unless the token is still
   * unrotated and its session live. Anything else is decided by `exchange`, under the lock.
   */
  async function rotateCandidate (candidate: RefreshCandidate | undefined, tokenHash: string, meta: ClientMeta): Promise<RefreshOutcome> {
    if (!candidate) return { kind: 'invalid' }
    const { token, session, user } = candidate
    const now = Date.now()
    if (session.revoked || session.expiresAt.getTime() <= now || user.blocked) return { kind: 'invalid' }
    if (token.rotatedAt === null) {
      if (token.expiresAt <= now) return { kind: 'invalid' }
      const { tokens, stored } = mint(user, session)
      if (await sessions.rotate(token.id, stored, sealed(tokens))) return { kind: 'ok', tokens }
    }
    return db.transaction((tx) => exchange(tokenHash, meta, tx))
  }

  /** One more refresh on the limit's counter, and the presented token: one statement when both live in PostgreSQL. */
  async function countAndFind (tokenHash: string, limit: RefreshLimit) {
    const counter = { key: limit.key, windowSeconds: limit.windowSeconds }
    if (deps.countsInDatabase) return sessions.countAndFindCandidate(tokenHash, counter)
    // As on the other limited routes, a Redis counter that cannot be kept lets the request through.
    const uncounted = (): WindowCount => ({ count: 0, resetAt: new Date(Date.now() + counter.windowSeconds * 1000) })
    const [window, candidate] = await Promise.all([
      deps.rateLimits.hit(counter.key, counter.windowSeconds).catch(uncounted),
      sessions.findCandidate(tokenHash),
    ])
    return { window, candidate }
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

    /**
     * Counts the request against `limit` and, unless that limit is reached, exchanges the refresh
     * token for a new pair; throws 401 REFRESH_TOKEN_INVALID when the token cannot be exchanged.
     */
    async refresh (refreshToken: string, meta: ClientMeta, limit: RefreshLimit): Promise<RefreshResult> {
      const tokenHash = hashRefreshToken(refreshToken)
      const { window, candidate } = await countAndFind(tokenHash, limit)
      if (window.count > limit.max) return { limited: true, window }
      // The revocation on reuse must commit, so the transaction returns an outcome instead of throwing.
      const outcome = await rotateCandidate(candidate, tokenHash, meta)
      if (outcome.kind === 'ok') return { limited: false, tokens: outcome.tokens, window }
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
        // A token of an ended session, an expired one or one rotated before the grace interval
        // is dead: like an unknown token it changes nothing (token rows outlive their sessions by
        // days, and a leaked old token must not end the user's live sessions).
        if (!found || !isCurrent(found, Date.now())) return
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
