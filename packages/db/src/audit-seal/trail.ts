import { sql, type SQL } from 'drizzle-orm'
import { canonicalHash } from './hashing.js'

/** How a sealed column is read for hashing: as PostgreSQL's text, or a UTC ISO time to the microsecond. */
export type SealedColumnKind = 'text' | 'timestamptz'

/**
 * One tamper-evident table. The sealed columns are listed explicitly (not derived from the table),
 * so adding a column to the table later leaves every existing seal valid; sealing a new column is
 * a deliberate change of this list (and of docs/audit-trail.md).
 */
export interface AuditTrail {
  /** The table's name; also the trail's name in seals and in the verify answer. */
  table: string
  /** The uuid primary key. */
  id: string
  /** The insert time (`now()` of the inserting transaction): the sealing order and the scan window. */
  at: string
  /** Every column a row's hash covers, with how it is read. Must include `id` and `at`. */
  columns: Record<string, SealedColumnKind>
}

/** A row's sealed columns as text, in a stable form whatever the session's time zone. */
function columnText (alias: string, column: string, kind: SealedColumnKind): SQL {
  const ref = columnOf(alias, column)
  return kind === 'timestamptz'
    ? sql`to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
    : sql`${ref}::text`
}

/** The select list of a row's sealed values (`c0`, `c1`, … in the order of `columns`). */
export function sealedValuesSql (trail: AuditTrail, alias: string): SQL {
  return sql.join(Object.entries(trail.columns).map(([column, kind], i) =>
    sql`${columnText(alias, column, kind)} as ${sql.identifier(`c${i}`)}`), sql`, `)
}

/**
 * The same hash as rowHashOf, computed by PostgreSQL: the canonical JSON is assembled in SQL (the
 * keys sorted as RFC 8785 sorts them, each value a JSON string by `to_json(text)`, whose escapes
 * are RFC 8785's, or null) and hashed with `sha256()`. The sealer hashes in the database, so the
 * service's own process does not spend a core on it; the verifier hashes the rows it reads in
 * JavaScript (rowHashOf), and a test holds the two equal on hard strings.
 */
export function rowHashSql (trail: AuditTrail, alias: string): SQL {
  const members = Object.keys(trail.columns).sort().map((column, i) => {
    const value = sql`coalesce(to_json(${columnText(alias, column, trail.columns[column]!)})::text, 'null')`
    return sql`${`${i === 0 ? '{' : ','}${JSON.stringify(column)}:`}::text || ${value}`
  })
  return sql`encode(sha256(convert_to(${sql.join(members, sql` || `)} || '}', 'UTF8')), 'hex')`
}

/** The hash of a row read with sealedValuesSql: SHA-256 of the canonical JSON of `{ column: text|null }`. */
export function rowHashOf (trail: AuditTrail, row: Record<string, unknown>): string {
  const values: Record<string, string | null> = {}
  Object.keys(trail.columns).forEach((column, i) => {
    const value = row[`c${i}`]
    values[column] = value === null || value === undefined ? null : String(value)
  })
  return canonicalHash(values)
}

export const tableOf = (trail: AuditTrail) => sql.identifier(trail.table)
export const columnOf = (alias: string, column: string) => sql`${sql.identifier(alias)}.${sql.identifier(column)}`
