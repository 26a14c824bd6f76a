import { refreshTokenInvalid } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { SessionRow, UserRow } from '../db/schema.js'
import { hashRefreshToken, newRefreshToken } from '../lib/refresh-token.js'
import { seal, unseal } from '../lib/seal.js'
import type { AccessTokenIssuer } from '../plugins/app/access-tokens.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'

export interface SessionManagerDeps {
  db: AuthDb
  sessions: SessionsRepository
  accessTokens: AccessTokenIssuer
  sealKey: Buffer
  log: FastifyBaseLogger
  refreshTtlSeconds: number
  sessionMaxSeconds: number
  graceSeconds: number
}

export interface ClientMeta {
  userAgent: string | null
  ip: string | null
}

type RefreshOutcome =
  | { kind: 'ok', tokens: Tokens }
  | { kind: 'invalid' }
  | { kind: 'reused', sessionId: string }

/**
 * Sessions and their token pairs. A session has an absolute end (SESSION_MAX_LIFETIME from
 * login); each refresh token is single-use, lives REFRESH_TOKEN_TTL at most and never past the
 * session's end. Reusing a rotated token revokes the session, except within the grace interval,
 * where the replay gets the very pair the first exchange produced.
 */
export function createSessionManager (deps: SessionManagerDeps) {
  const { db, sessions, accessTokens, sealKey } = deps

  async function issue (user: UserRow, session: SessionRow, tx: AuthDb): Promise<Tokens> {
    const refreshToken = newRefreshToken()
    const expiresAt = new Date(Math.min(Date.now() + deps.refreshTtlSeconds * 1000, session.expiresAt.getTime()))
    await sessions.insertRefreshToken({ sessionId: session.id, tokenHash: hashRefreshToken(refreshToken), expiresAt }, tx)
    return {
      accessToken: accessTokens.sign(user, session.id),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: accessTokens.ttlSeconds,
      refreshExpiresIn: Math.floor((expiresAt.getTime() - Date.now()) / 1000),
    }
  }

  async function exchange (refreshToken: string, tx: AuthDb): Promise<RefreshOutcome> {
    const found = await sessions.lockRefreshToken(hashRefreshToken(refreshToken), tx)
    if (!found) return { kind: 'invalid' }
    const { token, session, user } = found
    const now = Date.now()
    if (session.revokedAt || session.expiresAt.getTime() <= now || user.blocked) return { kind: 'invalid' }

    if (token.rotatedAt) {
      const withinGrace = now - token.rotatedAt.getTime() <= deps.graceSeconds * 1000
      const replay = withinGrace && token.successor ? unseal<Tokens>(sealKey, token.successor) : undefined
      if (replay) return { kind: 'ok', tokens: replay }
      await sessions.revoke(session.id, 'refresh_reuse', undefined, tx)
      return { kind: 'reused', sessionId: session.id }
    }
    if (token.expiresAt.getTime() <= now) return { kind: 'invalid' }

    const tokens = await issue(user, session, tx)
    await sessions.markRotated(token.id, deps.graceSeconds > 0 ? seal(sealKey, tokens) : null, tx)
    await sessions.touch(session.id, tx)
    return { kind: 'ok', tokens }
  }

  return {
    /** Opens a session for a user who just proved who they are; runs in the caller's transaction. */
    async start (user: UserRow, meta: ClientMeta, tx: AuthDb = db): Promise<Tokens> {
      const session = await sessions.create({
        userId: user.id,
        expiresAt: new Date(Date.now() + deps.sessionMaxSeconds * 1000),
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        ip: meta.ip,
      }, tx)
      return issue(user, session, tx)
    },

    /** Exchanges a refresh token for a new pair; throws 401 REFRESH_TOKEN_INVALID otherwise. */
    async refresh (refreshToken: string): Promise<Tokens> {
      // The revocation on reuse must commit, so the transaction returns an outcome instead of throwing.
      const outcome = await db.transaction((tx) => exchange(refreshToken, tx))
      if (outcome.kind === 'ok') return outcome.tokens
      if (outcome.kind === 'reused') {
        deps.log.warn({ sessionId: outcome.sessionId }, 'refresh token reuse detected: session revoked')
      }
      throw refreshTokenInvalid()
    },

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored (idempotent). */
    async logout (refreshToken: string): Promise<void> {
      await db.transaction(async (tx) => {
        const found = await sessions.lockRefreshToken(hashRefreshToken(refreshToken), tx)
        if (found) await sessions.revoke(found.session.id, 'logout', undefined, tx)
      })
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>
