import { timingSafeEqual } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '../create-database.js'
import { rowsOf } from '../statement.js'
import { merkleRoot, sealHash, sealMac } from './hashing.js'
import { preferHashJoins, SEAL_BATCH, sealedIdsSql } from './sealer.js'
import { auditSeals } from './tables.js'
import { columnOf, rowHashOf, sealedValuesSql, tableOf, type AuditTrail } from './trail.js'

type AnyDb = Db<any>

export type MismatchProblem = 'ALTERED' | 'MISSING' | 'SEAL_ALTERED' | 'MAC_INVALID' | 'CHAIN_BROKEN'

export interface Mismatch {
  rowId: string | null
  sealId: string | null
  problem: MismatchProblem
  detail: string
}

export interface TrailReport {
  trail: string
  rows: number
  sealedRows: number
  pendingRows: number
  seals: number
  /** The newest seal: what an operator records outside the database (docs/audit-trail.md). */
  head: { seq: number, sealHash: string } | null
  firstMismatch: Mismatch | null
}

/** Seals read per page: the walk holds one page of seals and one seal's members at a time. */
const SEALS_PER_PAGE = 100

interface SealRow {
  id: string
  seq: number
  row_count: number
  merkle_root: string
  previous_seal_hash: string | null
  seal_hash: string
  mac: string
  created_at: Date | string
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

type MemberRow = Record<string, unknown> & { seal_id: string, member_id: string, row_hash: string, row_id: string | null }

const problemAt = (seal: SealRow, problem: MismatchProblem, detail: string, rowId: string | null = null): Mismatch =>
  ({ rowId, sealId: seal.id, problem, detail })

/** The first problem of a seal's own fields: its hash, its MAC, its place in the chain. */
function checkSealFields (trail: AuditTrail, key: Buffer, seal: SealRow, previous: { seq: number, hash: string } | null): Mismatch | null {
  const hash = sealHash({
    trail: trail.table,
    seq: seal.seq,
    rowCount: seal.row_count,
    merkleRoot: seal.merkle_root,
    previousSealHash: seal.previous_seal_hash,
    createdAt: new Date(seal.created_at),
  })
  if (hash !== seal.seal_hash) return problemAt(seal, 'SEAL_ALTERED', `seal ${seal.seq}: its fields do not match its hash`)
  if (!sameHex(sealMac(key, hash), seal.mac)) return problemAt(seal, 'MAC_INVALID', `seal ${seal.seq}: its MAC is not the service's (forged or re-hashed seal)`)
  const expectedSeq = (previous?.seq ?? 0) + 1
  if (seal.seq !== expectedSeq) return problemAt(seal, 'CHAIN_BROKEN', `seal ${expectedSeq} is missing before seal ${seal.seq}`)
  if (seal.previous_seal_hash !== (previous?.hash ?? null)) return problemAt(seal, 'CHAIN_BROKEN', `seal ${seal.seq} does not follow seal ${previous?.seq ?? 'none'}`)
  return null
}

/** The first problem of a seal's members (ordered by row id): their count and root, then each row. */
function checkMembers (trail: AuditTrail, seal: SealRow, members: MemberRow[]): Mismatch | null {
  if (members.length !== seal.row_count) return problemAt(seal, 'SEAL_ALTERED', `seal ${seal.seq} names ${seal.row_count} rows but has ${members.length} members`)
  if (merkleRoot(members.map((m) => m.row_hash)) !== seal.merkle_root) return problemAt(seal, 'SEAL_ALTERED', `seal ${seal.seq}: its members do not match its Merkle root`)
  for (const member of members) {
    if (member.row_id === null) return problemAt(seal, 'MISSING', `row ${member.member_id} of seal ${seal.seq} is missing from ${trail.table}`, member.member_id)
    if (rowHashOf(trail, member) !== member.row_hash) return problemAt(seal, 'ALTERED', `row ${member.member_id} of ${trail.table} was changed after seal ${seal.seq}`, member.member_id)
  }
  return null
}

/** The members of some seals with their rows' current sealed values, by seal then row id. */
async function membersOf (db: AnyDb, trail: AuditTrail, sealIds: string[]): Promise<Map<string, MemberRow[]>> {
  const rows = rowsOf<MemberRow>(await db.execute(sql`
    select s.id::text as seal_id, m.row_id::text as member_id, m.row_hash, ${columnOf('l', trail.id)}::text as row_id, ${sealedValuesSql(trail, 'l')}
      from ${auditSeals} s cross join lateral unnest(s.member_ids, s.member_hashes) with ordinality as m(row_id, row_hash, n)
      left join ${tableOf(trail)} l on ${columnOf('l', trail.id)} = m.row_id
     where s.id in (${sql.join(sealIds.map((id) => sql`${id}::uuid`), sql`, `)})
     order by s.id, m.n`))
  const bySeal = new Map<string, MemberRow[]>(sealIds.map((id) => [id, []]))
  for (const row of rows) bySeal.get(row.seal_id)?.push(row)
  return bySeal
}

/** Consecutive seals in groups of at most SEAL_BATCH rows: one members query per group, bounded memory. */
function groupsOf (seals: SealRow[]): SealRow[][] {
  const groups: SealRow[][] = []
  let rows = Infinity
  for (const seal of seals) {
    if (rows + seal.row_count > SEAL_BATCH) {
      groups.push([])
      rows = 0
    }
    groups[groups.length - 1]!.push(seal)
    rows += seal.row_count
  }
  return groups
}

/** Walks every seal of a trail in order; the first mismatch stops the walk. */
export async function verifyTrail (db: AnyDb, trail: AuditTrail, key: Buffer): Promise<TrailReport> {
  let previous: { seq: number, hash: string } | null = null
  let firstMismatch: Mismatch | null = null
  let after = 0
  let more = true
  while (more && !firstMismatch) {
    const page = rowsOf<SealRow>(await db.execute(sql`select id::text as id, seq, row_count, merkle_root, previous_seal_hash, seal_hash, mac, created_at
      from ${auditSeals} where trail = ${trail.table} and seq > ${after} order by seq limit ${SEALS_PER_PAGE}`))
    for (const group of groupsOf(page)) {
      const members = await membersOf(db, trail, group.map((seal) => seal.id))
      for (const seal of group) {
        firstMismatch = checkSealFields(trail, key, seal, previous) ?? checkMembers(trail, seal, members.get(seal.id) ?? [])
        if (firstMismatch) break
        previous = { seq: seal.seq, hash: seal.seal_hash }
        after = seal.seq
      }
      if (firstMismatch) break
    }
    more = page.length === SEALS_PER_PAGE
  }
  const id = columnOf('l', trail.id)
  const [counts] = rowsOf<{ rows: number, pending: number, sealed: number, seals: number, head_seq: number | null, head_hash: string | null }>(await db.transaction(async (tx) => {
    await preferHashJoins(tx)
    return tx.execute(sql`
    with sealed as (${sealedIdsSql(trail)})
    select (select count(*) from ${tableOf(trail)})::int as rows,
           (select count(*) from ${tableOf(trail)} l where not exists (select 1 from sealed where sealed.id = ${id}))::int as pending,
           (select coalesce(sum(row_count), 0) from ${auditSeals} where trail = ${trail.table})::int as sealed,
           (select count(*) from ${auditSeals} where trail = ${trail.table})::int as seals,
           h.seq as head_seq, h.seal_hash as head_hash
      from (select 1) one left join lateral (select seq, seal_hash from ${auditSeals} where trail = ${trail.table} order by seq desc limit 1) h on true`)
  }))
  return {
    trail: trail.table,
    rows: Number(counts?.rows ?? 0),
    sealedRows: Number(counts?.sealed ?? 0),
    pendingRows: Number(counts?.pending ?? 0),
    seals: Number(counts?.seals ?? 0),
    head: counts?.head_seq == null || counts.head_hash == null ? null : { seq: Number(counts.head_seq), sealHash: counts.head_hash },
    firstMismatch,
  }
}
