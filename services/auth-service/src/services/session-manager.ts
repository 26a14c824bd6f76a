import { accountBlocked, emailNotVerified, refreshTokenInvalid } from '@rekam/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { RefreshTokenRow, SessionRow, UserRow } from '../db/schema.js'
import type { RefreshCandidate } from '../db/session-statements.js'
import type { ClientMeta } from '../lib/client-meta.js'
import { assuranceFrom } from '../lib/assurance.js'
import { originOf } from '../lib/device.js'
import { hashRefreshToken } from '../lib/refresh-token.js'
import type { AccessTokens } from '../plugins/app/access-tokens.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { Notifications } from '../plugins/app/notifications.js'
import type { RevocationsRepository } from '../plugins/app/revocations-repository.js'
import type { SecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import type { RevokeReason, SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import { createRefreshExchange } from './refresh-exchange.js'
import { createNewDevice } from './new-device.js'
import { createSessionEndings } from './session-endings.js'
import type { SessionLimits } from './session-limits.js'
import { createTokenPairs } from './token-pairs.js'

export interface SessionManagerDeps {
  db: AuthDb
  sessions: SessionsRepository
  events: SecurityEventsRepository
  revocations: RevocationsRepository
  accessTokens: AccessTokens
  sealKey: Buffer
  log: FastifyBaseLogger
  /** Idle and absolute limits by role (session-limits). */
  limits: SessionLimits
  graceSeconds: number
  /** EMAIL_VERIFICATION=required: no session opens for an unverified address, whatever the way in. */
  emailVerificationRequired?: boolean | undefined
  /** The clock, in epoch ms (tests move it instead of waiting); the system clock by default. */
  now?: (() => number) | undefined
  /** Tells the user of a sign-in from a device new to them (new-device). */
  notifications: Notifications
  /** How long a device stays known after a sign-in from it, in days (NEW_DEVICE_WINDOW_DAYS). */
  newDeviceWindowDays: number
}

/** A refresh token as presented: its hash, and its row with session and user if it is known. */
export interface PresentedToken {
  tokenHash: string
  candidate: RefreshCandidate | undefined
}

export type LogoutScope = 'current' | 'others' | 'all'

/**
 * Sessions and their token pairs. A session has an idle limit and an absolute end by its user's
 * role (session-limits); its token pairs come from `token-pairs`, their rotation from
 * `refresh-exchange`, and every ending goes through `session-endings`.
 */
export function createSessionManager (deps: SessionManagerDeps) {
  const { db, sessions, events, log } = deps
  const now = deps.now ?? Date.now
  const { limits } = deps
  const pairs = createTokenPairs({ accessTokens: deps.accessTokens, refreshTokenEnd: limits.refreshTokenEnd, now })
  const endings = createSessionEndings(deps)
  const newDevice = createNewDevice({ sessions, windowDays: deps.newDeviceWindowDays, now })
  const refreshes = createRefreshExchange({ db, sessions, events, endings, pairs, limits, sealKey: deps.sealKey, graceSeconds: deps.graceSeconds, now })

  /** A live session's unexpired token, not rotated or rotated within the grace interval. */
  function isCurrent ({ token, session, user }: { token: RefreshTokenRow, session: SessionRow, user: UserRow }, at: number): boolean {
    if (session.revokedAt || session.expiresAt.getTime() <= at || user.blocked) return false
    if (token.expiresAt.getTime() <= at) return false
    return token.rotatedAt === null || at - token.rotatedAt.getTime() <= deps.graceSeconds * 1000
  }

  /** `refresh` for a token already looked up; see there. */
  async function exchange ({ tokenHash, candidate }: PresentedToken, meta: ClientMeta): Promise<Tokens> {
    const outcome = await refreshes.exchange(tokenHash, candidate, meta)
    if (outcome.kind === 'ok') return outcome.tokens
    if (outcome.kind === 'blocked') throw accountBlocked()
    if (outcome.kind === 'reused') log.warn({ sessionId: outcome.sessionId }, 'refresh token reuse detected: session revoked')
    throw refreshTokenInvalid()
  }

  return {
    /**
     * Opens a session for a user who just proved who they are, with the RFC 8176 methods they
     * used (a password alone by default); the sign-in event names the last step (`password`,
     * `totp`, `recovery_code`, `webauthn`, `passkey`). Runs in the caller's transaction; a
     * device new to the user is told to them in it (new-device). While verification is required,
     * 403 EMAIL_NOT_VERIFIED for an unverified address: every way in (password, second factor,
     * passkey, enrolment) ends here, after its proofs.
     */
    async start (user: UserRow, meta: ClientMeta, tx: AuthDb = db, amr: readonly string[] = ['pwd'], method = 'password'): Promise<Tokens> {
      if (deps.emailVerificationRequired && user.emailVerifiedAt === null) throw emailNotVerified()
      const at = now()
      const device = await newDevice.check(user.id, meta.userAgent, tx)
      if (device) await deps.notifications.notify(tx, user, 'NEW_DEVICE_SIGN_IN', originOf(meta))
      const session = await sessions.create({
        ...assuranceFrom(amr, new Date(at)),
        userId: user.id,
        ...limits.opening(user.role, at),
        userAgent: meta.userAgent,
        ip: meta.ip,
      }, tx)
      await events.record({ type: 'LOGIN_SUCCEEDED', userId: user.id, sessionId: session.id, reason: method }, meta, tx)
      const { tokens, stored } = pairs.mint(user, session)
      await sessions.insertRefreshToken(stored, tx)
      return tokens
    },

    /** Ends every live session of a user (but one, when given), with a security event each. */
    endSessions (userId: string, reason: RevokeReason, meta: ClientMeta, options: { except?: string, tx?: AuthDb } = {}): Promise<number> {
      return options.tx
        ? endings.endAll(userId, reason, meta, options.tx, options.except)
        : db.transaction((tx) => endings.endAll(userId, reason, meta, tx, options.except))
    },

    /** Ends one session of the user; false when it was not one of their live sessions. */
    async endSession (sessionId: string, userId: string, reason: RevokeReason, meta: ClientMeta): Promise<boolean> {
      return db.transaction((tx) => endings.endOne(sessionId, userId, reason, meta, tx, true))
    },

    /**
     * Exchanges a refresh token for a new pair; throws 401 REFRESH_TOKEN_INVALID when it cannot be
     * exchanged, 403 ACCOUNT_BLOCKED when only the user's block stops it (see refresh-exchange).
     */
    async refresh (refreshToken: string, meta: ClientMeta): Promise<Tokens> {
      const tokenHash = hashRefreshToken(refreshToken)
      return exchange({ tokenHash, candidate: await sessions.findCandidate(tokenHash) }, meta)
    },

    exchange,

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
        if (!found || !isCurrent(found, now())) return
        const { session, user } = found
        if (scope === 'current') await endings.endOne(session.id, user.id, 'logout', meta, tx, false)
        else if (scope === 'others') await endings.endAll(user.id, 'logout_others', meta, tx, session.id)
        else await endings.endAll(user.id, 'logout_all', meta, tx)
      })
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>
