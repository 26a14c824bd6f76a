import { sql, type SQL } from 'drizzle-orm'
import type { StatementValue } from '@rekam/db'
import type { WindowCount } from '../services/counters.js'
import { rateLimits } from './schema.js'
import { epochMs } from './statements.js'

/** What `countSql` returns: the count in the window and when the window started. */
export interface CountRow {
  count: number
  window_start_ms: number
}

export const toWindowCount = (row: CountRow, windowSeconds: number): WindowCount =>
  ({ count: row.count, resetAt: new Date(row.window_start_ms + windowSeconds * 1000) })

/** True for a counter row whose window is over (it counts from zero again). */
export const windowEnded = (windowSeconds: StatementValue) =>
  sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${windowSeconds})`

/**
 * Counts one more event under `key`, starting a new window when the last one is over; returns
 * a `CountRow`. One statement (an upsert), so concurrent hits from many instances all count; a
 * statement of its own or a CTE of a larger one (see `countedSql`).
 */
export function countSql (v: { key: StatementValue, windowSeconds: StatementValue }): SQL {
  const expired = windowEnded(v.windowSeconds)
  return sql`
    insert into ${rateLimits} (key, window_start, count) values (${v.key}, now(), 1)
    on conflict (key) do update set
      count = case when ${expired} then 1 else ${rateLimits.count} + 1 end,
      window_start = case when ${expired} then now() else ${rateLimits.windowStart} end
    returning count, ${epochMs(rateLimits.windowStart)} as window_start_ms`
}

/**
 * A `select` and one more hit on a counter, in one statement: always one row, the `CountRow`
 * columns first and the select's columns (null when it found nothing) after them. The refresh
 * lookup is read this way: refreshes are the most frequent request that counts (every client,
 * every ACCESS_TOKEN_TTL), and fused they cost one round trip to PostgreSQL instead of two in a
 * row. The counter's SQL stays here; the sessions statements only compose it.
 */
export function countedSql (v: { key: StatementValue, windowSeconds: StatementValue }, select: SQL): SQL {
  return sql`
    with hit as (${countSql(v)})
    select hit.count, hit.window_start_ms, found.*
    from hit left join (${select}) as found on true`
}
