import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf } from '@rekam/db'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { toWindowCount } from '../../db/counter-statements.js'
import { refreshTokens, sessions, users, type RefreshTokenRow, type SessionRow, type UserRow } from '../../db/schema.js'
import {
  activeSession, candidateSql, countedCandidateSql, rotateSql, toCandidate,
  type CandidateRow, type CountedCandidateRow, type RefreshCandidate, type RotateValues,
} from '../../db/session-statements.js'
import type { WindowCount } from '../../services/counters.js'
import type { ExpiryReason } from '../../services/session-limits.js'
import type { AuthDb } from './db.js'
import type { SessionAssurance } from '../../lib/assurance.js'

/** Why a session ended; the limits' reasons (idle_timeout, absolute_lifetime) are expiries. */
export type RevokeReason = 'logout' | 'logout_others' | 'logout_all' | 'password_changed' | 'password_reset' | 'refresh_reuse' | 'user_blocked' | 'role_changed' | 'revoked_by_user' | 'account_deleted' | ExpiryReason

export function createSessionsRepository (db: AuthDb) {
  // The statements of every refresh, turned into SQL text once (see defineStatement).
  const candidateStatement = defineStatement<{ tokenHash: string }>(db, candidateSql(placeholders('tokenHash')))
  const countedCandidateStatement = defineStatement<{ tokenHash: string, key: string, windowSeconds: number }>(db,
    countedCandidateSql(placeholders('tokenHash', 'key', 'windowSeconds')))
  const rotateStatement = defineStatement<RotateValues>(db,
    rotateSql(placeholders('tokenId', 'now', 'successor', 'tokenHash', 'expiresAt')))

  return {
    /** A step-up: the session's user proved who they are again; refreshes carry this on. */
    async setAssurance (sessionId: string, assurance: SessionAssurance, tx: AuthDb = db): Promise<void> {
      await tx.update(sessions).set(assurance).where(eq(sessions.id, sessionId))
    },

    async create (values: { userId: string, createdAt: Date, lastUsedAt: Date, expiresAt: Date, userAgent: string | null, ip: string | null } & SessionAssurance, tx: AuthDb = db): Promise<SessionRow> {
      const [row] = await tx.insert(sessions).values(values).returning()
      return row!
    },

    async insertRefreshToken (values: { sessionId: string, tokenHash: string, expiresAt: Date }, tx: AuthDb = db): Promise<void> {
      await tx.insert(refreshTokens).values(values)
    },

    /**
     * The refresh token with its session and user, row-locked until the transaction ends so
     * concurrent refreshes of one token run one after the other.
     */
    async lockRefreshToken (tokenHash: string, tx: AuthDb): Promise<{ token: RefreshTokenRow, session: SessionRow, user: UserRow } | undefined> {
      const [row] = await tx.select({ token: refreshTokens, session: sessions, user: users })
        .from(refreshTokens)
        .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .for('update', { of: refreshTokens })
        .limit(1)
      return row
    },

    /** A presented refresh token, its session and user, unlocked: the start of every refresh. */
    async findCandidate (tokenHash: string): Promise<RefreshCandidate | undefined> {
      const [row] = rowsOf<CandidateRow>(await candidateStatement({ tokenHash }))
      return row && toCandidate(row)
    },

    /**
     * `findCandidate` that also counts one hit on a counter of `rate_limits`, composed with the
     * counter's own SQL in one statement (the refresh limit reads the token this way).
     */
    async countAndFindCandidate (tokenHash: string, counter: { key: string, windowSeconds: number }): Promise<{ window: WindowCount, candidate: RefreshCandidate | undefined }> {
      const [row] = rowsOf<CountedCandidateRow>(await countedCandidateStatement({ tokenHash, ...counter }))
      return { window: toWindowCount(row!, counter.windowSeconds), candidate: toCandidate(row!) }
    },

    /**
     * Rotates a token at `now` (see rotateSql); false when it was already rotated, has expired or
     * its session has ended, and then nothing was written. In a transaction when given.
     */
    async rotate (tokenId: string, next: { tokenHash: string, expiresAt: Date }, sealedSuccessor: string | null, options: { tx?: AuthDb, now?: Date } = {}): Promise<boolean> {
      const { tx, now = new Date() } = options
      const values: RotateValues = {
        tokenId,
        now: now.toISOString(),
        successor: sealedSuccessor,
        tokenHash: next.tokenHash,
        expiresAt: next.expiresAt.toISOString(),
      }
      const result = tx ? await tx.execute(rotateSql(values)) : await rotateStatement(values)
      return rowsOf(result).length > 0
    },

    /**
     * The user of a live session, unless blocked: one indexed lookup per bearer request, which
     * also gives the routes the user row they would otherwise read again.
     */
    async activeUser (sessionId: string, userId: string, tx: AuthDb = db): Promise<UserRow | undefined> {
      const [row] = await tx.select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), activeSession(), eq(users.blocked, false)))
        .limit(1)
      return row?.user
    },

    /** The session is live and its user not blocked. */
    async isActive (sessionId: string, userId: string, tx: AuthDb = db): Promise<boolean> {
      return (await this.activeUser(sessionId, userId, tx)) !== undefined
    },

    /** A live session of the user (ended and past its absolute end: none). */
    async findActive (sessionId: string, userId: string, tx: AuthDb = db): Promise<SessionRow | undefined> {
      const [row] = await tx.select().from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), activeSession()))
        .limit(1)
      return row
    },

    async listActive (userId: string, tx: AuthDb = db): Promise<SessionRow[]> {
      return tx.select().from(sessions)
        .where(and(eq(sessions.userId, userId), activeSession()))
        .orderBy(desc(sessions.lastUsedAt))
    },

    /**
     * Whether the user has opened a session since `since` from exactly this User-Agent: the
     * common sign-in, answered by the first matching row of the user's index.
     */
    async openedFromAgent (userId: string, userAgent: string | null, since: Date, tx: AuthDb = db): Promise<boolean> {
      const [row] = await tx.select({ one: sql<number>`1` }).from(sessions)
        .where(and(eq(sessions.userId, userId), gte(sessions.createdAt, since), sql`${sessions.userAgent} is not distinct from ${userAgent}`))
        .limit(1)
      return row !== undefined
    },

    /**
     * The distinct User-Agents of the user's sessions, each with whether one was opened since
     * `since`; empty for a user who never had a session.
     */
    async agentsOf (userId: string, since: Date, tx: AuthDb = db): Promise<Array<{ userAgent: string | null, recent: boolean }>> {
      return tx.select({ userAgent: sessions.userAgent, recent: sql<boolean>`bool_or(${sessions.createdAt} >= ${since.toISOString()}::timestamptz)` })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .groupBy(sessions.userAgent)
    },

    /** Ends one session; false when it was not a live session of this user. */
    async revoke (sessionId: string, reason: RevokeReason, userId?: string, tx: AuthDb = db): Promise<boolean> {
      const rows = await tx.update(sessions)
        .set({ revokedAt: new Date(), revokedReason: reason })
        .where(and(eq(sessions.id, sessionId), userId ? eq(sessions.userId, userId) : undefined, isNull(sessions.revokedAt)))
        .returning({ id: sessions.id })
      return rows.length > 0
    },

    /** Ends every live session of a user, optionally keeping one; returns the ids it ended. */
    async revokeAllForUser (userId: string, reason: RevokeReason, exceptSessionId?: string, tx: AuthDb = db): Promise<string[]> {
      const rows = await tx.update(sessions)
        .set({ revokedAt: new Date(), revokedReason: reason })
        .where(and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
        ))
        .returning({ id: sessions.id })
      return rows.map((row) => row.id)
    },

    /** Housekeeping: forget sealed successors past the grace interval and long-dead tokens. */
    async purge (graceSeconds: number, tx: AuthDb = db): Promise<void> {
      await tx.update(refreshTokens)
        .set({ successor: null })
        .where(and(sql`${refreshTokens.successor} is not null`, sql`${refreshTokens.rotatedAt} < now() - make_interval(secs => ${graceSeconds})`))
      await tx.delete(refreshTokens).where(sql`${refreshTokens.expiresAt} < now() - interval '1 day'`)
    },
  }
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>

declare module 'fastify' {
  interface FastifyInstance {
    sessionsRepository: SessionsRepository
  }
}

export default fp(async function sessionsRepositoryPlugin (fastify: FastifyInstance) {
  fastify.decorate('sessionsRepository', createSessionsRepository(fastify.db))
}, { name: 'sessions-repository', dependencies: ['db'] })
