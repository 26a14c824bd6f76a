import { createHash, randomUUID } from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../create-database.js'
import { rowsOf } from '../statement.js'
import { merkleRoot, sealHash, sealMac } from './hashing.js'
import { auditSeals } from './tables.js'
import { columnOf, rowHashSql, tableOf, type AuditTrail } from './trail.js'

type AnyDb = Db<any>

/** Rows per seal: bounds the sealer's memory and the verifier's (one seal is read at a time). */
export const SEAL_BATCH = 20_000

/**
 * How far before the newest sealed row a routine scan starts: a row's `at` is its transaction's
 * start, so a transaction still open when a later row was sealed commits rows older than it.
 * Rows committed later still are left pending by the routine scan and sealed by the full scan
 * that precedes every verification.
 */
export const LATE_COMMIT_MARGIN = '1 minute'

/** The transaction-level advisory lock of one trail's sealer: a stable 64-bit number from its name. */
export function sealLockKey (trail: string): bigint {
  return createHash('sha256').update(`rekam audit seal ${trail}`).digest().readBigInt64BE(0)
}

/**
 * The ids of the rows sealed in a trail, as a relation of one column `id`: the members of every
 * seal, or only of the seals whose newest row is at or after `from` (the sealer's window).
 */
export function sealedIdsSql (trail: AuditTrail, from?: SQL): SQL {
  return sql`select unnest(s.member_ids) as id from ${auditSeals} s
    where s.trail = ${trail.table} ${from ? sql`and s.last_row_at >= ${from}` : sql``}`
}

/**
 * The planner guesses 10 ids per unnested array (a seal holds up to SEAL_BATCH), so it would
 * anti-join a trail's rows against the sealed ids in a nested loop: quadratic, minutes of a core
 * at a few thousand audited reads a second. A hash anti-join is linear. Only the calling
 * transaction's plans are affected.
 */
export async function preferHashJoins (tx: AnyDb): Promise<void> {
  await tx.execute(sql`set local enable_nestloop = off`)
}

/**
 * The next batch of rows no seal covers, oldest first: in the window from `from`, those that are
 * not members of the seals reaching into it (a seal's rows are all at or before its last_row_at);
 * without `from`, the whole table against every seal. Run it after preferHashJoins.
 */
export function pendingRowsSql (trail: AuditTrail, from: SQL | undefined): SQL {
  const at = columnOf('l', trail.at)
  return sql`
    with sealed as (${sealedIdsSql(trail, from)})
    select ${columnOf('l', trail.id)}::text as row_id, ${at} as row_at, ${rowHashSql(trail, 'l')} as row_hash
      from ${tableOf(trail)} l
     where not exists (select 1 from sealed where sealed.id = ${columnOf('l', trail.id)}) ${from ? sql`and ${at} >= ${from}` : sql``}
     order by ${at}, ${columnOf('l', trail.id)}
     limit ${SEAL_BATCH}`
}

export interface SealWritten {
  trail: string
  seq: number
  rowCount: number
  sealHash: string
  createdAt: Date
}

interface LastSeal { seq: number, seal_hash: string, last_row_at: Date | string }

/**
 * Seals at most SEAL_BATCH unsealed rows of one trail, oldest first, in one transaction holding
 * the trail's advisory lock (only sealers take it; the audited statements never wait on it).
 * `full` scans the whole table instead of the window after the last seal.
 */
export async function sealBatch (db: AnyDb, trail: AuditTrail, key: Buffer, now: Date, full: boolean): Promise<SealWritten | undefined> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sealLockKey(trail.table).toString()}::bigint)`)
    await preferHashJoins(tx)
    const [last] = rowsOf<LastSeal>(await tx.execute(sql`select seq, seal_hash, last_row_at from ${auditSeals}
      where trail = ${trail.table} order by seq desc limit 1`))
    const from = last && !full ? sql`${new Date(last.last_row_at).toISOString()}::timestamptz - ${LATE_COMMIT_MARGIN}::interval` : undefined
    // The rows' hashes come from the database (rowHashSql): only ids, times and hashes travel.
    const rows = rowsOf<{ row_id: string, row_at: Date | string, row_hash: string }>(await tx.execute(pendingRowsSql(trail, from)))
    if (rows.length === 0) return undefined

    const members = rows.map((row) => ({ rowId: row.row_id, rowHash: row.row_hash }))
      .sort((a, b) => a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0)
    const seal = {
      id: randomUUID(),
      trail: trail.table,
      seq: (last?.seq ?? 0) + 1,
      rowCount: members.length,
      merkleRoot: merkleRoot(members.map((m) => m.rowHash)),
      previousSealHash: last?.seal_hash ?? null,
      createdAt: now,
    }
    const hash = sealHash(seal)
    const lastRowAt = rows.map((row) => new Date(row.row_at)).reduce((a, b) => a > b ? a : b)
    // The members travel as two comma-joined parameters (uuids and hex hashes hold no commas).
    await tx.execute(sql`insert into ${auditSeals} (id, trail, seq, row_count, merkle_root, previous_seal_hash, seal_hash, mac, last_row_at, created_at, member_ids, member_hashes)
      values (${seal.id}::uuid, ${seal.trail}, ${seal.seq}, ${seal.rowCount}, ${seal.merkleRoot}, ${seal.previousSealHash}, ${hash}, ${sealMac(key, hash)},
        ${lastRowAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz,
        string_to_array(${members.map((m) => m.rowId).join(',')}, ',')::uuid[], string_to_array(${members.map((m) => m.rowHash).join(',')}, ','))`)
    return { trail: trail.table, seq: seal.seq, rowCount: seal.rowCount, sealHash: hash, createdAt: now }
  })
}
