import { sql, type SQLWrapper } from 'drizzle-orm'

/**
 * A timestamp as milliseconds since the epoch (float8, a number in both drivers): drizzle leaves
 * raw statements' timestamps as text, and numbers need no parsing.
 */
export const epochMs = (column: SQLWrapper) => sql`(extract(epoch from ${column}) * 1000)::float8`
