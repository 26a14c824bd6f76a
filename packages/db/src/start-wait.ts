import { setTimeout as sleep } from 'node:timers/promises'
import postgres from 'postgres'
import { StartupError } from '@rekam/errors'
import { isConnectionError } from './connection-errors.js'

/** Host, port and database of a postgres:// URL, for messages: never the user or password. */
export function whereIs (url: string): string {
  const parsed = new URL(url)
  return `at ${parsed.hostname}:${parsed.port || '5432'}/${decodeURIComponent(parsed.pathname.slice(1))}`
}

/**
 * Tries to reach PostgreSQL with growing pauses (0.5 s doubling up to 5 s) until it answers or
 * `timeoutSeconds` have passed: in compose or Kubernetes the database may still be starting when
 * the service does. Errors that waiting cannot cure (a wrong password, a missing database) end the
 * wait at once. Either way the failure is a StartupError: one line naming DATABASE_URL.
 */
export async function waitUntilReachable (url: string, timeoutSeconds: number, now: () => number = Date.now): Promise<void> {
  const deadline = now() + timeoutSeconds * 1000
  let pause = 500
  for (;;) {
    const sql = postgres(url, { max: 1, connect_timeout: Math.max(1, Math.min(5, timeoutSeconds)), onnotice: () => {} })
    try {
      await sql`select 1`
      return
    } catch (err) {
      const reason = (err as Error).message
      if (!isConnectionError(err)) throw new StartupError(`PostgreSQL ${whereIs(url)} refused the service: ${reason} (check DATABASE_URL)`)
      if (now() + pause > deadline) {
        throw new StartupError(`cannot reach PostgreSQL ${whereIs(url)} (DATABASE_URL) within DB_START_TIMEOUT=${timeoutSeconds} s: ${reason}`)
      }
    } finally {
      await sql.end({ timeout: 0 })
    }
    await sleep(pause)
    pause = Math.min(pause * 2, 5000)
  }
}
