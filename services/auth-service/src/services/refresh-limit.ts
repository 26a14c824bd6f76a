import type { ClientMeta } from '../lib/client-meta.js'
import { hashRefreshToken } from '../lib/refresh-token.js'
import type { RateLimitsRepository } from '../plugins/app/rate-limits-repository.js'
import type { SessionsRepository } from '../plugins/app/sessions-repository.js'
import type { Tokens } from '../schemas/auth.js'
import { routeLimitKey, type WindowCount } from './counters.js'
import type { PresentedToken, SessionManager } from './session-manager.js'

export interface RefreshLimitDeps {
  sessions: SessionsRepository
  counters: RateLimitsRepository
  sessionManager: SessionManager
  /** The counters live in PostgreSQL (not Redis), so a refresh counts in its token lookup. */
  countsInDatabase: boolean
  /** RATE_LIMIT_REFRESH: refreshes per client address and window. */
  max: number
  windowSeconds: number
}

/** A new pair, or no work done because the limit is reached; either way the counter's state. */
export type LimitedRefresh =
  | { limited: false, tokens: Tokens, window: WindowCount }
  | { limited: true, window: WindowCount }

/**
 * At most `max` refreshes per client address in each window, under the same counter key,
 * window and headers as @fastify/rate-limit's routes. Counted here rather than by its hook so
 * that, with the counters in PostgreSQL, the count rides in the statement that reads the token
 * (see the counter's `countedSql`).
 */
export function createRefreshLimit ({ sessions, counters, sessionManager, countsInDatabase, max, windowSeconds }: RefreshLimitDeps) {
  /** One more refresh on the address's counter, and the presented token. */
  async function countAndFind (tokenHash: string, key: string): Promise<{ window: WindowCount, presented: PresentedToken }> {
    if (countsInDatabase) {
      const { window, candidate } = await sessions.countAndFindCandidate(tokenHash, { key, windowSeconds })
      return { window, presented: { tokenHash, candidate } }
    }
    // As on the other limited routes, a Redis counter that cannot be kept lets the request through.
    const uncounted = (): WindowCount => ({ count: 0, resetAt: new Date(Date.now() + windowSeconds * 1000) })
    const [window, candidate] = await Promise.all([
      counters.hit(key, windowSeconds).catch(uncounted),
      sessions.findCandidate(tokenHash),
    ])
    return { window, presented: { tokenHash, candidate } }
  }

  return {
    max,
    /**
     * Counts the request and, unless the limit is reached, exchanges the refresh token for a new
     * pair (throws 401 REFRESH_TOKEN_INVALID when it cannot be exchanged).
     */
    async refresh (refreshToken: string, meta: ClientMeta): Promise<LimitedRefresh> {
      const key = routeLimitKey('POST /api/auth/refresh', meta.ip ?? '')
      const { window, presented } = await countAndFind(hashRefreshToken(refreshToken), key)
      if (window.count > max) return { limited: true, window }
      return { limited: false, tokens: await sessionManager.exchange(presented, meta), window }
    },
  }
}

export type RefreshLimit = ReturnType<typeof createRefreshLimit>
