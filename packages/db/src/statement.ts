import type { SQL } from 'drizzle-orm'
import type { Db } from './create-database.js'

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
