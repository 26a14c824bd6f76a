import { sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm'

/**
 * A value of a statement written as a function: given (run as is, in a transaction) or a
 * placeholder, filled each time a statement built once with `defineStatement` runs.
 */
export type Value = SQL | Placeholder | string | number | null

export function placeholders<K extends string> (...names: K[]): Record<K, Placeholder> {
  const out = {} as Record<K, Placeholder>
  for (const name of names) out[name] = sql.placeholder(name)
  return out
}

/** postgres.js returns the rows themselves; PGlite wraps them in `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]

/**
 * A timestamp as milliseconds since the epoch (float8, a number in both drivers): drizzle leaves
 * raw statements' timestamps as text, and numbers need no parsing.
 */
export const epochMs = (column: SQLWrapper) => sql`(extract(epoch from ${column}) * 1000)::float8`
