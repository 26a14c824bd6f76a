import { sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm'

/**
 * A value of a statement written as a function: given (run as is, in a transaction) or a
 * placeholder (`placeholders` in @rekam/db), filled each time a statement built once runs.
 */
export type Value = SQL | Placeholder | string | number | null

/**
 * A timestamp as milliseconds since the epoch (float8, a number in both drivers): drizzle leaves
 * raw statements' timestamps as text, and numbers need no parsing.
 */
export const epochMs = (column: SQLWrapper) => sql`(extract(epoch from ${column}) * 1000)::float8`
