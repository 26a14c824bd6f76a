import { and, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf, type StatementValue } from '@rekam/db'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { countSql, toWindowCount, type CountRow } from '../../db/counter-statements.js'
import { refreshTokens, sessions, users, type RefreshTokenRow, type SessionRow, type UserRow } from '../../db/schema.js'
import { epochMs } from '../../db/statements.js'
import type { WindowCount } from '../../services/counters.js'
import type { AuthDb } from './db.js'

export type RevokeReason = 'logout' | 'logout_others' | 'logout_all' | 'password_changed' | 'refresh_reuse' | 'user_blocked' | 'role_changed' | 'revoked_by_user'

const active = () => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`))

/** A presented refresh token with what a rotation needs to know, read without a lock. */
export interface RefreshCandidate {
  token: { id: string, expiresAt: number, rotatedAt: number | null }
  session: { id: string, expiresAt: Date, revoked: boolean }
  user: { id: string, role: UserRow['role'], username: string, blocked: boolean }
}

/** A row of the candidate columns below, as both drivers return it (times in epoch ms). */
interface CandidateRow {
  token_id: string | null
  token_expires_ms: number
  token_rotated_ms: number | null
  session_id: string
  session_expires_ms: number
  session_revoked: boolean
  user_id: string
  role: UserRow['role']
  username: string
  blocked: boolean
}

const CANDIDATE_COLUMNS = sql`${refreshTokens.id} as token_id, ${epochMs(refreshTokens.expiresAt)} as token_expires_ms,
  ${epochMs(refreshTokens.rotatedAt)} as token_rotated_ms, ${sessions.id} as session_id,
  ${epochMs(sessions.expiresAt)} as session_expires_ms, ${sessions.revokedAt} is not null as session_revoked,
  ${users.id} as user_id, ${users.role} as role, ${users.username} as username, ${users.blocked} as blocked`

const CANDIDATE_FROM = sql`${refreshTokens}
  join ${sessions} on ${sessions.id} = ${refreshTokens.sessionId}
  join ${users} on ${users.id} = ${sessions.userId}`

function toCandidate (row: CandidateRow): RefreshCandidate | undefined {
  if (row.token_id === null) return undefined
  return {
    token: { id: row.token_id, expiresAt: row.token_expires_ms, rotatedAt: row.token_rotated_ms },
    session: { id: row.session_id, expiresAt: new Date(row.session_expires_ms), revoked: row.session_revoked },
    user: { id: row.user_id, role: row.role, username: row.username, blocked: row.blocked },
  }
}

/** The refresh token with the given hash and its session and user (no row when unknown). */
function candidateSql (v: { tokenHash: StatementValue }): SQL {
  return sql`select ${CANDIDATE_COLUMNS} from ${CANDIDATE_FROM} where ${refreshTokens.tokenHash} = ${v.tokenHash}`
}

/**
 * The same, and one more hit on a rate-limit counter, in one statement: always one row, with
 * the count, and the token's columns null when it is unknown.
 */
function countedCandidateSql (v: { tokenHash: StatementValue, key: StatementValue, windowSeconds: StatementValue }): SQL {
  return sql`
    with hit as (${countSql(v)})
    select hit.count, hit.window_start_ms, found.*
    from hit left join (select ${CANDIDATE_COLUMNS} from ${CANDIDATE_FROM} where ${refreshTokens.tokenHash} = ${v.tokenHash}) as found on true`
}

/**
 * One rotation in one statement: the old token is marked rotated (with its sealed successor for
 * grace replays), the session is marked used, and the new token is stored, but only while the old
 * token is unrotated and unexpired and its session live. Otherwise nothing is written and no row
 * comes back: a concurrent exchange of the same token waits for this one's row lock, then finds
 * it rotated, so each token rotates once whether or not the caller holds a lock.
 */
function rotateSql (v: { tokenId: StatementValue, now: StatementValue, successor: StatementValue, tokenHash: StatementValue, expiresAt: StatementValue }): SQL {
  return sql`
    with rotated as (
      update ${refreshTokens} set rotated_at = ${v.now}::timestamptz, successor = ${v.successor}
      where ${refreshTokens.id} = ${v.tokenId} and ${refreshTokens.rotatedAt} is null and ${refreshTokens.expiresAt} > now()
        and exists (select 1 from ${sessions} where ${sessions.id} = ${refreshTokens.sessionId} and ${active()})
      returning ${refreshTokens.sessionId} as session_id
    ), touched as (
      update ${sessions} set last_used_at = ${v.now}::timestamptz where ${sessions.id} in (select session_id from rotated)
    )
    insert into ${refreshTokens} (session_id, token_hash, expires_at)
    select session_id, ${v.tokenHash}::text, ${v.expiresAt}::timestamptz from rotated
    returning ${refreshTokens.id}`
}

interface RotateValues { tokenId: string, now: string, successor: string | null, tokenHash: string, expiresAt: string }

export function createSessionsRepository (db: AuthDb) {
  // The statements of every refresh, turned into SQL text once (see defineStatement).
  const candidateStatement = defineStatement<{ tokenHash: string }>(db, candidateSql(placeholders('tokenHash')))
  const countedCandidateStatement = defineStatement<{ tokenHash: string, key: string, windowSeconds: number }>(db,
    countedCandidateSql(placeholders('tokenHash', 'key', 'windowSeconds')))
  const rotateStatement = defineStatement<RotateValues>(db,
    rotateSql(placeholders('tokenId', 'now', 'successor', 'tokenHash', 'expiresAt')))

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

    /** A presented refresh token, its session and user, unlocked: the start of every refresh. */
    async findCandidate (tokenHash: string): Promise<RefreshCandidate | undefined> {
      const [row] = rowsOf<CandidateRow>(await candidateStatement({ tokenHash }))
      return row && toCandidate(row)
    },

    /**
     * `findCandidate` that also counts one hit on a rate-limit counter of `rate_limits`, in the
     * same statement (one round trip instead of two for every refresh).
     */
    async countAndFindCandidate (tokenHash: string, counter: { key: string, windowSeconds: number }): Promise<{ window: WindowCount, candidate: RefreshCandidate | undefined }> {
      const [row] = rowsOf<CountRow & CandidateRow>(await countedCandidateStatement({ tokenHash, ...counter }))
      return { window: toWindowCount(row!, counter.windowSeconds), candidate: toCandidate(row!) }
    },

    /**
     * Rotates a token (see rotateSql); false when it was already rotated, has expired or its
     * session has ended, and then nothing was written. In a transaction when given.
     */
    async rotate (tokenId: string, next: { tokenHash: string, expiresAt: Date }, sealedSuccessor: string | null, tx?: AuthDb): Promise<boolean> {
      const values: RotateValues = {
        tokenId,
        now: new Date().toISOString(),
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
