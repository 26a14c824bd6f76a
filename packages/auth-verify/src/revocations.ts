import type { FastifyBaseLogger } from 'fastify'
import { Agent } from 'undici'
import type { AccessTokenClaims } from './claims.js'

export interface RevocationFeedOptions {
  /** auth-service's feed, e.g. http://auth-service:3001/internal/revocations */
  url: string
  /** The shared internal secret, sent as `x-internal-secret`. */
  secret: string
  /** How often the feed is polled. */
  pollIntervalMs?: number
  /**
   * Fail closed: when the feed has not answered for this long, every token is refused with 503
   * until it answers again. Unset (the default) fails open: tokens are checked against what is
   * known, and the staleness shows on the readiness check.
   */
  failClosedAfterMs?: number
  /**
   * Told of the accounts erased (ERASED entries: an account deletion took effect). The feed sends
   * an erasure again after a restart and for a while after it, so this must be idempotent; when it
   * throws, the poll fails and the same entries come again at the next one.
   */
  onErased?: (userIds: string[]) => Promise<void>
}

interface FeedItem {
  id: string
  kind: 'SESSION' | 'USER' | 'ERASED'
  subject: string
  revokedAt: string
  expiresAt: string
}

export interface RevocationStatus {
  /** The feed answered within the last few poll intervals. */
  current: boolean
  lastSuccessAt: string | null
  lastError: string | null
  revokedSessions: number
  revokedUsers: number
}

/**
 * Follows auth-service's revocation feed in the background and remembers, until their tokens
 * would have expired anyway, the sessions ended and the users blocked. Memory stays bounded by
 * what was revoked within one access-token lifetime.
 */
export function createRevocationFollower (opts: RevocationFeedOptions, log: FastifyBaseLogger) {
  const interval = opts.pollIntervalMs ?? 1000
  // A feed that hangs must not stall the follower: each poll gives up well before the next one.
  const timeout = Math.max(500, Math.min(interval * 3, 5000))
  const dispatcher = new Agent({ connectTimeout: timeout, headersTimeout: timeout, bodyTimeout: timeout })
  const sessions = new Map<string, number>()
  const users = new Map<string, { revokedAt: number, expiresAt: number }>()
  let cursor = '0'
  let lastSuccessAt = 0
  let lastError: string | null = null
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  /** Remembers the revocations; answers the accounts erased (their tokens come with a USER entry). */
  function apply (items: FeedItem[]): string[] {
    const erased: string[] = []
    for (const item of items) {
      const expiresAt = Date.parse(item.expiresAt)
      if (item.kind === 'SESSION') sessions.set(item.subject, expiresAt)
      else if (item.kind === 'ERASED') erased.push(item.subject)
      else users.set(item.subject, { revokedAt: Math.floor(Date.parse(item.revokedAt) / 1000), expiresAt })
    }
    return erased
  }

  function prune (now: number) {
    for (const [sid, expiresAt] of sessions) if (expiresAt <= now) sessions.delete(sid)
    for (const [sub, entry] of users) if (entry.expiresAt <= now) users.delete(sub)
  }

  async function pollOnce (): Promise<void> {
    // Catch up in pages when much was revoked at once.
    for (let page = 0; page < 100; page++) {
      const res = await fetch(`${opts.url}?after=${encodeURIComponent(cursor)}`, {
        headers: { 'x-internal-secret': opts.secret },
        dispatcher,
      } as RequestInit)
      if (!res.ok) throw new Error(`revocation feed answered ${res.status}`)
      const body = await res.json() as { data?: { items?: FeedItem[], cursor?: string, hasMore?: boolean } }
      const items = body.data?.items
      if (!Array.isArray(items) || typeof body.data?.cursor !== 'string') throw new Error('revocation feed answered an unexpected body')
      const erased = apply(items)
      // Before the cursor moves on: an erasure that could not be handled comes again.
      if (erased.length > 0 && opts.onErased) await opts.onErased(erased)
      cursor = body.data.cursor
      if (!body.data.hasMore) break
    }
    prune(Date.now())
    lastSuccessAt = Date.now()
    lastError = null
  }

  async function loop () {
    try {
      await pollOnce()
    } catch (err) {
      const message = (err as Error).message
      if (message !== lastError) log.warn({ err }, 'revocation feed unreachable; serving with the revocations already known')
      lastError = message
    }
    if (!stopped) timer = setTimeout(loop, interval).unref()
  }

  return {
    /** Polls once (waiting for it), then keeps polling in the background. */
    async start () {
      stopped = false
      await loop()
    },
    stop () {
      stopped = true
      clearTimeout(timer)
      return dispatcher.close()
    },
    /** The first poll, for callers that want to start with the current state. */
    pollOnce,
    /** true when this token's session has ended or its user was blocked after it was issued. */
    isRevoked (claims: AccessTokenClaims): boolean {
      if (sessions.has(claims.sid)) return true
      const user = users.get(claims.sub)
      return user !== undefined && claims.iat <= user.revokedAt
    },
    /** true when failing closed and the feed has been silent for too long. */
    isStale (): boolean {
      return opts.failClosedAfterMs !== undefined && Date.now() - lastSuccessAt > opts.failClosedAfterMs
    },
    status (): RevocationStatus {
      return {
        current: lastSuccessAt > 0 && Date.now() - lastSuccessAt <= interval * 5 + timeout,
        lastSuccessAt: lastSuccessAt ? new Date(lastSuccessAt).toISOString() : null,
        lastError,
        revokedSessions: sessions.size,
        revokedUsers: users.size,
      }
    },
  }
}

export type RevocationFollower = ReturnType<typeof createRevocationFollower>
