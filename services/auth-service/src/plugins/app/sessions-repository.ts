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

    /**
     * One rotation in one statement: the old token is marked rotated (with its sealed successor
     * for grace replays), the session is marked used, and the new token is stored. Run it in the
     * transaction that locked the old token.
     */
    async rotate (tokenId: string, next: { sessionId: string, tokenHash: string, expiresAt: Date }, sealedSuccessor: string | null, tx: AuthDb): Promise<void> {
      const now = new Date().toISOString()
      await tx.execute(sql`
        with rotated as (
          update refresh_tokens set rotated_at = ${now}::timestamptz, successor = ${sealedSuccessor} where id = ${tokenId}
        ), touched as (
          update sessions set last_used_at = ${now}::timestamptz where id = ${next.sessionId}
        )
        insert into refresh_tokens (session_id, token_hash, expires_at)
        values (${next.sessionId}, ${next.tokenHash}, ${next.expiresAt.toISOString()}::timestamptz)`)
    },

    /**
     * The user of a live session, unless blocked: one indexed lookup per bearer request, which
     * also gives the routes the user row they would otherwise read again.
     */
    async activeUser (sessionId: string, userId: string, tx: AuthDb = db): Promise<UserRow | undefined> {
      const [row] = await tx.select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), active(), eq(users.blocked, false)))
        .limit(1)
      return row?.user
    },

    /** The session is live and its user not blocked. */
    async isActive (sessionId: string, userId: string, tx: AuthDb = db): Promise<boolean> {
      return (await this.activeUser(sessionId, userId, tx)) !== undefined
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
