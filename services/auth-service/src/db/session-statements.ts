import { and, gt, isNull, sql, type SQL } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'
import { countedSql, type CountRow } from './counter-statements.js'
import { refreshTokens, sessions, users, type UserRow } from './schema.js'
import { epochMs } from './statements.js'
import type { SessionAssurance } from '../lib/assurance.js'

/** A session that has not been ended and has not reached its absolute end. */
export const activeSession = () => and(isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`))

/** A presented refresh token with what a rotation needs to know, read without a lock. */
export interface RefreshCandidate {
  token: { id: string, expiresAt: number, rotatedAt: number | null }
  session: { id: string, expiresAt: Date, revoked: boolean, createdAt: Date, lastUsedAt: Date } & SessionAssurance
  user: { id: string, role: UserRow['role'], username: string, blocked: boolean }
}

/** A row of the candidate columns below, as both drivers return it (times in epoch ms). */
export interface CandidateRow {
  token_id: string | null
  token_expires_ms: number
  token_rotated_ms: number | null
  session_id: string
  session_expires_ms: number
  session_revoked: boolean
  session_created_ms: number
  session_last_used_ms: number
  amr: string[]
  acr: string
  auth_time_ms: number
  user_id: string
  role: UserRow['role']
  username: string
  blocked: boolean
}

/** A candidate row and the refresh counter's columns (see `countedCandidateSql`). */
export type CountedCandidateRow = CountRow & CandidateRow

export function toCandidate (row: CandidateRow): RefreshCandidate | undefined {
  if (row.token_id === null) return undefined
  return {
    token: { id: row.token_id, expiresAt: row.token_expires_ms, rotatedAt: row.token_rotated_ms },
    session: {
      id: row.session_id,
      expiresAt: new Date(row.session_expires_ms),
      revoked: row.session_revoked,
      createdAt: new Date(row.session_created_ms),
      lastUsedAt: new Date(row.session_last_used_ms),
      amr: row.amr,
      acr: row.acr,
      authTime: new Date(row.auth_time_ms),
    },
    user: { id: row.user_id, role: row.role, username: row.username, blocked: row.blocked },
  }
}

/** The refresh token with the given hash and its session and user (no row when unknown). */
export function candidateSql (v: { tokenHash: StatementValue }): SQL {
  return sql`select ${refreshTokens.id} as token_id, ${epochMs(refreshTokens.expiresAt)} as token_expires_ms,
      ${epochMs(refreshTokens.rotatedAt)} as token_rotated_ms, ${sessions.id} as session_id,
      ${epochMs(sessions.expiresAt)} as session_expires_ms, ${sessions.revokedAt} is not null as session_revoked,
      ${epochMs(sessions.createdAt)} as session_created_ms, ${epochMs(sessions.lastUsedAt)} as session_last_used_ms,
      ${sessions.amr} as amr, ${sessions.acr} as acr, ${epochMs(sessions.authTime)} as auth_time_ms,
      ${users.id} as user_id, ${users.role} as role, ${users.username} as username, ${users.blocked} as blocked
    from ${refreshTokens}
      join ${sessions} on ${sessions.id} = ${refreshTokens.sessionId}
      join ${users} on ${users.id} = ${sessions.userId}
    where ${refreshTokens.tokenHash} = ${v.tokenHash}`
}

/**
 * The same lookup and one more hit on a rate-limit counter, in one statement (see the counter's
 * `countedSql` for why): always one row, with the count, the token's columns null when unknown.
 */
export function countedCandidateSql (v: { tokenHash: StatementValue, key: StatementValue, windowSeconds: StatementValue }): SQL {
  return countedSql(v, candidateSql(v))
}

export interface RotateValues { tokenId: string, now: string, successor: string | null, tokenHash: string, expiresAt: string }

/**
 * One rotation in one statement: the old token is marked rotated (with its sealed successor for
 * grace replays), the session is marked used, and the new token is stored, but only while the old
 * token is unrotated and unexpired and its session live. Otherwise nothing is written and no row
 * comes back: a concurrent exchange of the same token waits for this one's row lock, then finds
 * it rotated, so each token rotates once whether or not the caller holds a lock.
 */
export function rotateSql (v: { [K in keyof RotateValues]: StatementValue }): SQL {
  return sql`
    with rotated as (
      update ${refreshTokens} set rotated_at = ${v.now}::timestamptz, successor = ${v.successor}
      where ${refreshTokens.id} = ${v.tokenId} and ${refreshTokens.rotatedAt} is null and ${refreshTokens.expiresAt} > now()
        and exists (select 1 from ${sessions} where ${sessions.id} = ${refreshTokens.sessionId} and ${activeSession()})
      returning ${refreshTokens.sessionId} as session_id
    ), touched as (
      update ${sessions} set last_used_at = ${v.now}::timestamptz where ${sessions.id} in (select session_id from rotated)
    )
    insert into ${refreshTokens} (session_id, token_hash, expires_at)
    select session_id, ${v.tokenHash}::text, ${v.expiresAt}::timestamptz from rotated
    returning ${refreshTokens.id}`
}
