import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { refreshTokens, sessions, users, type RefreshTokenRow, type SessionRow, type UserRow } from '../../db/schema.js'
import type { AuthDb } from './db.js'

export type RevokeReason = 'logout' | 'logout_others' | 'logout_all' | 'password_changed' | 'refresh_reuse' | 'user_blocked' | 'role_changed' | 'revoked_by_user'

const active = () => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`))

export function createSessionsRepository (db: AuthDb) {
  return {
    async create (values: { userId: string, expiresAt: Date, userAgent: string | null, ip: string | null }, tx: AuthDb = db): Promise<SessionRow> {
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

    async markRotated (tokenId: string, sealedSuccessor: string | null, tx: AuthDb): Promise<void> {
      await tx.update(refreshTokens).set({ rotatedAt: new Date(), successor: sealedSuccessor }).where(eq(refreshTokens.id, tokenId))
    },

    async touch (sessionId: string, tx: AuthDb = db): Promise<void> {
      await tx.update(sessions).set({ lastUsedAt: new Date() }).where(eq(sessions.id, sessionId))
    },

    /** The session is live and its user not blocked: one indexed lookup per bearer request. */
    async isActive (sessionId: string, userId: string, tx: AuthDb = db): Promise<boolean> {
      const [row] = await tx.select({ one: sql<number>`1` })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), active(), eq(users.blocked, false)))
        .limit(1)
      return row !== undefined
    },

    async listActive (userId: string, tx: AuthDb = db): Promise<SessionRow[]> {
      return tx.select().from(sessions)
        .where(and(eq(sessions.userId, userId), active()))
        .orderBy(desc(sessions.lastUsedAt))
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
