import { sql, type Placeholder, type SQL } from 'drizzle-orm'
import type { Db } from './create-database.js'

/**
 * A value in a statement written as a function of its values: given (the statement is built and
 * run there and then) or a placeholder, filled each time a statement built once runs.
 */
export type StatementValue = SQL | Placeholder | string | number | null

/** Runs a statement built once with new values; resolves to the driver's own result. */
export type Statement<V extends object> = (values: V) => Promise<unknown>

/**
 * A statement written with drizzle's `sql` template and `sql.placeholder(name)`, turned into SQL
 * text once, when it is defined, and then run with new values each time. `db.execute(sql`…`)`
 * walks the template again on every call: for a hot statement that work was most of a record
 * read's own CPU in the benchmark's profile. Results are what the driver returns (postgres.js:
 * the rows; PGlite: `{ rows }`). Runs outside transactions only (it belongs to `db`'s session).
 * @see https://orm.drizzle.team/docs/perf-queries#placeholder
 */
export function defineStatement<V extends object> (db: Db<Record<string, unknown>>, statement: SQL): Statement<V> {
  const prepared = db._.session.prepareQuery(db.execute(statement).getQuery(), undefined, undefined, false)
  return (values) => prepared.execute(values as Record<string, unknown>)
}

/** One placeholder per name, for writing a statement once: `sql\`… ${p.id} …\``. */
export function placeholders<K extends string> (...names: K[]): Record<K, Placeholder> {
  const out = {} as Record<K, Placeholder>
  for (const name of names) out[name] = sql.placeholder(name)
  return out
}

/** The rows of a raw statement's result: postgres.js returns the rows themselves, PGlite `{ rows }`. */
export function rowsOf<T> (result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
