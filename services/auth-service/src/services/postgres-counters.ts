import { and, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm'
import { defineStatement, placeholders, rowsOf } from '@rekam/db'
import { countSql, toWindowCount, windowEnded, type CountRow } from '../db/counter-statements.js'
import { rateLimits } from '../db/schema.js'
import { epochMs } from '../db/statements.js'
import type { AuthDb } from '../plugins/app/db.js'
import type { CounterLimit, Reservation, WindowCount } from './counters.js'

/** Which counters a reservation writes: all of them, or only those refusing it. */
function reservedKeys (limits: CounterLimit[], counts: number[]): { allowed: boolean, keys: string[] } {
  const blocking = limits.filter((limit, i) => counts[i]! >= limit.max).map((limit) => limit.key)
  return blocking.length === 0 ? { allowed: true, keys: limits.map((limit) => limit.key) } : { allowed: false, keys: blocking }
}

const keyList = (keys: string[], row: (key: string) => SQL) => sql.join(keys.map(row), sql`, `)

/**
 * `reserve` in PostgreSQL: one transaction that first locks every counter's row (creating
 * missing ones at zero; in key order, so concurrent reservations never deadlock) and reads its
 * latest count, then writes. Concurrent reservations of a key queue on its row lock, so each
 * decides on the counts the previous one committed.
 */
async function reserveInDatabase (db: AuthDb, limits: CounterLimit[], windowSeconds: number): Promise<Reservation> {
  const expired = windowEnded(windowSeconds)
  const unique = [...new Set(limits.map((limit) => limit.key))]
  return db.transaction(async (tx) => {
    // An ended window reads as an empty one starting now, which is what the write below makes it.
    const locked = rowsOf<CountRow & { key: string }>(await tx.execute(sql`
      insert into ${rateLimits} (key, window_start, count)
      select key, now(), 0 from (values ${keyList(unique, (key) => sql`(${key})`)}) as wanted(key) order by key
      on conflict (key) do update set count = ${rateLimits.count}
      returning key, case when ${expired} then 0 else count end as count,
        ${epochMs(sql`case when ${expired} then now() else ${rateLimits.windowStart} end`)} as window_start_ms`))
    const rows = new Map(locked.map((row) => [row.key, row]))
    const { allowed, keys } = reservedKeys(limits, limits.map((limit) => rows.get(limit.key)!.count))
    const written = rowsOf<CountRow & { key: string }>(await tx.execute(sql`
      update ${rateLimits} set
        count = case when ${expired} then 1 else ${rateLimits.count} + 1 end,
        window_start = case when ${expired} then now() else ${rateLimits.windowStart} end
      where key in (${keyList(keys, (key) => sql`${key}`)})
      returning key, count, ${epochMs(rateLimits.windowStart)} as window_start_ms`))
    for (const row of written) rows.set(row.key, row)
    return { allowed, windows: limits.map((limit) => toWindowCount(rows.get(limit.key)!, windowSeconds)) }
  })
}

/** Fixed-window counters in PostgreSQL (`rate_limits`), so every instance sees the same counts. */
export function createPostgresCounters (db: AuthDb) {
  const toCount = (row: { count: number, windowStart: Date }, windowSeconds: number): WindowCount =>
    ({ count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) })
  const inWindow = (windowSeconds: number) => gt(rateLimits.windowStart, sql`now() - make_interval(secs => ${windowSeconds})`)
  // Built once: login attempts count on every try (see defineStatement).
  const countStatement = defineStatement<{ key: string, windowSeconds: number }>(db, countSql(placeholders('key', 'windowSeconds')))

  return {
    /** Counts one more event; one statement, so concurrent hits from many instances all count. */
    async hit (key: string, windowSeconds: number): Promise<WindowCount> {
      const [row] = rowsOf<CountRow>(await countStatement({ key, windowSeconds }))
      return toWindowCount(row!, windowSeconds)
    },

    /** The count in the current window, without counting. */
    async peek (key: string, windowSeconds: number): Promise<WindowCount | undefined> {
      const [row] = await db.select({ count: rateLimits.count, windowStart: rateLimits.windowStart }).from(rateLimits)
        .where(and(eq(rateLimits.key, key), inWindow(windowSeconds)))
      return row && toCount(row, windowSeconds)
    },

    /**
     * Checks and counts several counters as one step: when every one is below its limit all
     * count one more (a slot is taken before the work it guards, so concurrent callers can never
     * take more than the limit), otherwise only the refusing ones do (so the first refusal of a
     * window is recognisable) and the others are left alone.
     */
    reserve (limits: CounterLimit[], windowSeconds: number): Promise<Reservation> {
      return reserveInDatabase(db, limits, windowSeconds)
    },

    /** Gives back one reserved count in the current window (work that turned out not to count). */
    async release (key: string, windowSeconds: number): Promise<void> {
      await db.update(rateLimits).set({ count: sql`${rateLimits.count} - 1` })
        .where(and(eq(rateLimits.key, key), gt(rateLimits.count, 0), inWindow(windowSeconds)))
    },

    async clear (key: string): Promise<void> {
      await db.delete(rateLimits).where(eq(rateLimits.key, key))
    },

    /**
     * Housekeeping: windows that ended long ago. Rows are locked in key order, as a reservation
     * locks them, so the two never deadlock.
     */
    async purge (): Promise<void> {
      const old = db.select({ key: rateLimits.key }).from(rateLimits)
        .where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`)).orderBy(rateLimits.key).for('update')
      await db.delete(rateLimits).where(inArray(rateLimits.key, old))
    },
  }
}

/** The counters' operations, whichever store keeps them (Redis has a twin, `redis-counters.ts`). */
export type Counters = ReturnType<typeof createPostgresCounters>
