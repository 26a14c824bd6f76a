import type { RefreshTokenRow, SessionRow } from '../db/schema.js'
import type { RefreshCandidate } from '../db/session-statements.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { seal, unseal } from '@rekam/server-kit'
import type { AuthDb } from '../plugins/app/db.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { SessionEndings } from './session-endings.js'
import type { SessionLimits } from './session-limits.js'
import type { TokenPairs } from './token-pairs.js'

export interface RefreshExchangeDeps {
  db: AuthDb
  sessions: SessionsRepository
  events: SecurityEventsRepository
  endings: SessionEndings
  pairs: TokenPairs
  limits: SessionLimits
  sealKey: Buffer
  graceSeconds: number
  now: () => number
}

/** What an exchange came to; a reuse is told apart so it can be logged once it has committed. */
export type RefreshOutcome =
  | { kind: 'ok', tokens: Tokens }
  | { kind: 'invalid' }
  | { kind: 'blocked' }
  | { kind: 'reused', sessionId: string }

/**
 * Refresh-token rotation. Each token is single-use: reusing a rotated token revokes the session,
 * except within the grace interval, where the replay gets the very pair the first exchange
 * produced (sealed beside the old token).
 */
export function createRefreshExchange (deps: RefreshExchangeDeps) {
  const { db, sessions, events, endings, pairs, limits, sealKey, now } = deps
  const graceMs = deps.graceSeconds * 1000
  const sealed = (tokens: Tokens) => graceMs > 0 ? seal(sealKey, tokens) : null

  /**
   * A blocked user's token answers ACCOUNT_BLOCKED, not REFRESH_TOKEN_INVALID, when it would
   * have been exchanged but for the block: its session ended because of the block (or is still
   * ending), and the token is that session's current one (unexpired; unrotated, or rotated
   * within the grace interval). Its holder proves they had the session, so naming the block
   * reveals nothing new (they acted as that user until the block), and it lets the portal tell
   * the user why they were signed out. Any other dead token (a session ended otherwise, a spent or expired token) stays
   * REFRESH_TOKEN_INVALID, and no reuse is detected on a blocked user's tokens.
   */
  function blockedOutcome ({ token, session }: { token: RefreshTokenRow, session: SessionRow }, at: number): RefreshOutcome {
    const endedByBlock = session.revokedAt === null || session.revokedReason === 'user_blocked'
    const current = token.rotatedAt === null || at - token.rotatedAt.getTime() <= graceMs
    return endedByBlock && current && session.expiresAt.getTime() > at && token.expiresAt.getTime() > at
      ? { kind: 'blocked' }
      : { kind: 'invalid' }
  }

  /**
   * The exchange under the token's row lock, in a transaction: for tokens already rotated (a
   * replay within the grace interval, or reuse, which revokes the session) and for a token a
   * concurrent exchange rotated first.
   */
  async function underLock (tokenHash: string, meta: ClientMeta, tx: AuthDb): Promise<RefreshOutcome> {
    const found = await sessions.lockRefreshToken(tokenHash, tx)
    if (!found) return { kind: 'invalid' }
    const { token, session, user } = found
    const at = now()
    if (user.blocked) return blockedOutcome(found, at)
    if (session.revokedAt) return { kind: 'invalid' }
    // A session past its idle or absolute limit (by the user's role now) ends here, with the
    // event naming the limit, whichever of its tokens is presented.
    const expired = limits.exceeded(session, user.role, at)
    if (expired) {
      await endings.expire(session.id, user.id, expired, meta, tx)
      return { kind: 'invalid' }
    }

    if (token.rotatedAt) {
      const withinGrace = at - token.rotatedAt.getTime() <= graceMs
      const replay = withinGrace && token.successor ? unseal<Tokens>(sealKey, token.successor) : undefined
      if (replay) return { kind: 'ok', tokens: replay }
      await events.record({ type: 'REFRESH_REUSE_DETECTED', userId: user.id, sessionId: session.id }, meta, tx)
      await endings.endOne(session.id, user.id, 'refresh_reuse', meta, tx, false)
      return { kind: 'reused', sessionId: session.id }
    }
    if (token.expiresAt.getTime() <= at) return { kind: 'invalid' }

    const { tokens, stored } = pairs.mint(user, session)
    if (!await sessions.rotate(token.id, stored, sealed(tokens), { tx, now: new Date(at) })) return { kind: 'invalid' }
    return { kind: 'ok', tokens }
  }

  return {
    /**
     * The common case without a transaction: an unrotated token of a live session rotates in one
     * conditional statement (see `sessions.rotate`), which writes nothing unless the token is still
     * unrotated and its session live. Anything else is decided under the lock. The revocation on
     * reuse must commit, so the transaction returns an outcome instead of throwing.
     */
    async exchange (tokenHash: string, candidate: RefreshCandidate | undefined, meta: ClientMeta): Promise<RefreshOutcome> {
      if (!candidate) return { kind: 'invalid' }
      const { token, session, user } = candidate
      const at = now()
      // A blocked user's token is told apart under the lock, where the session's end reason is read.
      if (user.blocked) return db.transaction((tx) => underLock(tokenHash, meta, tx))
      if (session.revoked) return { kind: 'invalid' }
      // A session past a limit is ended under the lock (see there).
      if (token.rotatedAt === null && !limits.exceeded(session, user.role, at)) {
        if (token.expiresAt <= at) return { kind: 'invalid' }
        const { tokens, stored } = pairs.mint(user, session)
        if (await sessions.rotate(token.id, stored, sealed(tokens), { now: new Date(at) })) return { kind: 'ok', tokens }
      }
      return db.transaction((tx) => underLock(tokenHash, meta, tx))
    },
  }
}

export type RefreshExchange = ReturnType<typeof createRefreshExchange>
