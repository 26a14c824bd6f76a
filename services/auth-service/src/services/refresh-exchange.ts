import type { RefreshCandidate } from '../db/session-statements.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { seal, unseal } from '../lib/seal.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import type { SessionEndings } from './session-endings.js'
import type { TokenPairs } from './token-pairs.js'

export interface RefreshExchangeDeps {
  db: AuthDb
  sessions: SessionsRepository
  events: SecurityEventsRepository
  endings: SessionEndings
  pairs: TokenPairs
  sealKey: Buffer
  graceSeconds: number
  now: () => number
}

/** What an exchange came to; a reuse is told apart so it can be logged once it has committed. */
export type RefreshOutcome =
  | { kind: 'ok', tokens: Tokens }
  | { kind: 'invalid' }
  | { kind: 'reused', sessionId: string }

/**
 * Refresh-token rotation. Each token is single-use: reusing a rotated token revokes the session,
 * except within the grace interval, where the replay gets the very pair the first exchange
 * produced (sealed beside the old token).
 */
export function createRefreshExchange (deps: RefreshExchangeDeps) {
  const { db, sessions, events, endings, pairs, sealKey, now } = deps
  const graceMs = deps.graceSeconds * 1000
  const sealed = (tokens: Tokens) => graceMs > 0 ? seal(sealKey, tokens) : null

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
    if (session.revokedAt || session.expiresAt.getTime() <= at || user.blocked) return { kind: 'invalid' }

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
      if (session.revoked || session.expiresAt.getTime() <= at || user.blocked) return { kind: 'invalid' }
      if (token.rotatedAt === null) {
        if (token.expiresAt <= at) return { kind: 'invalid' }
        const { tokens, stored } = pairs.mint(user, session)
        if (await sessions.rotate(token.id, stored, sealed(tokens), { now: new Date(at) })) return { kind: 'ok', tokens }
      }
      return db.transaction((tx) => underLock(tokenHash, meta, tx))
    },
  }
}

export type RefreshExchange = ReturnType<typeof createRefreshExchange>
