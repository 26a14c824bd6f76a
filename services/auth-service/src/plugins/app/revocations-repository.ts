import { and, asc, gt, lte, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { revocations } from '../../db/schema.js'
import { toFeedEntry, type FeedEntry } from '../../schemas/revocation.js'
import type { AuthDb } from './db.js'

/** Feed pages are small: a follower polling every second rarely sees more than a few entries. */
const PAGE = 500

/**
 * A transaction that started earlier may commit an entry with a smaller id after a follower has
 * read past it; entries this recent are therefore sent again (followers apply them idempotently).
 */
const LATE_COMMIT_WINDOW_SECONDS = 10

/**
 * How long an ERASED entry stays on the feed: a follower that was down for less than this when
 * the account was erased still learns of it (followers start from the beginning of the feed).
 */
export const ERASURE_NOTICE_DAYS = 30

export function createRevocationsRepository (db: AuthDb, opts: { lifetimeSeconds: number }) {
  // Until then a token issued before the revocation could still be presented.
  const expiresAt = () => new Date(Date.now() + opts.lifetimeSeconds * 1000)
  return {
    async sessions (sessionIds: string[], tx: AuthDb): Promise<void> {
      if (sessionIds.length === 0) return
      await tx.insert(revocations).values(sessionIds.map((subject) => ({ kind: 'SESSION' as const, subject, expiresAt: expiresAt() })))
    },

    async user (userId: string, tx: AuthDb): Promise<void> {
      await tx.insert(revocations).values({ kind: 'USER', subject: userId, expiresAt: expiresAt() })
    },

    /** The account was erased: records-service unlinks its patient profile (docs/account-deletion.md). */
    async erased (userId: string, tx: AuthDb): Promise<void> {
      await tx.insert(revocations).values({ kind: 'ERASED', subject: userId, expiresAt: new Date(Date.now() + ERASURE_NOTICE_DAYS * 86_400_000) })
    },

    /** Live entries after the cursor, oldest first, plus recent ones a late commit may have hidden. */
    async feed (after: bigint, tx: AuthDb = db): Promise<{ items: FeedEntry[], cursor: string, hasMore: boolean }> {
      const live = gt(revocations.expiresAt, sql`now()`)
      const [rows, recent] = await Promise.all([
        tx.select().from(revocations).where(and(gt(revocations.id, after), live)).orderBy(asc(revocations.id)).limit(PAGE),
        tx.select().from(revocations).where(and(
          lte(revocations.id, after),
          gt(revocations.revokedAt, sql`now() - make_interval(secs => ${LATE_COMMIT_WINDOW_SECONDS})`),
        )),
      ])
      const last = rows.at(-1)
      return {
        items: [...recent, ...rows].map(toFeedEntry),
        cursor: (last ? last.id : after).toString(),
        hasMore: rows.length === PAGE,
      }
    },

    /** Housekeeping: entries past their end concern no valid token any more. */
    async purge (tx: AuthDb = db): Promise<void> {
      await tx.delete(revocations).where(lte(revocations.expiresAt, sql`now() - interval '1 hour'`))
    },
  }
}

export type RevocationsRepository = ReturnType<typeof createRevocationsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    revocationsRepository: RevocationsRepository
  }
}

export default fp(async function revocationsRepositoryPlugin (fastify: FastifyInstance) {
  // Access tokens live ACCESS_TOKEN_TTL; verifiers allow a few seconds of clock skew on top.
  fastify.decorate('revocationsRepository', createRevocationsRepository(fastify.db, { lifetimeSeconds: fastify.config.ACCESS_TOKEN_TTL + 60 }))
}, { name: 'revocations-repository', dependencies: ['db'] })
