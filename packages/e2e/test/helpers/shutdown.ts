/**
 * The tools of graceful-shutdown.test.ts: a table lock that keeps requests in flight, and a
 * SIGTERM sent while they are, with the checks of how the process then ends.
 */
import type { Test } from 'tap'
import { portAnswers, type ApiResponse, type RunningService, type serviceDatabase } from '@rekam/testing/e2e'

/** `listenWithGrace`'s delay (server-kit): after it, close-with-grace exits 1 instead of 0. */
const GRACE_MS = 10_000

type Sql = ReturnType<typeof serviceDatabase>

/** An answer, or the network error of a request that was never answered. */
export type Outcome = ApiResponse | Error

export const settle = (pending: Promise<ApiResponse>): Promise<Outcome> => pending.catch((err: Error) => err)

/**
 * Holds `lock table <tables> in exclusive mode` in an open transaction until `release()`:
 * writes to those tables (and row locks on them) wait; plain reads do not.
 */
export async function holdLock (sql: Sql, tables: string[]) {
  let release!: () => void
  const released = new Promise<void>((resolve) => { release = resolve })
  let locked!: () => void
  const isLocked = new Promise<void>((resolve) => { locked = resolve })
  const done = sql.begin(async (tx) => {
    await tx.unsafe(`lock table ${tables.join(', ')} in exclusive mode`)
    locked()
    await released
  })
  await Promise.race([isLocked, done])
  return { release: async () => { release(); await done } }
}

/** The service's own connections to its database, by state. */
async function connections (sql: Sql, service: RunningService) {
  const applicationName = service.name === 'auth-service' ? 'rekam-auth' : 'rekam-records'
  const rows = await sql<Array<{ total: number, waiting: number }>>`
    select count(*)::int as total, count(*) filter (where wait_event_type = 'Lock')::int as waiting
    from pg_stat_activity where datname = current_database() and application_name = ${applicationName}`
  return rows[0]!
}

/**
 * Sends SIGTERM once `inFlight` requests are waiting on the lock; checks that new connections
 * are refused while they are still in flight (`afterSignal` sends more); releases the lock; then
 * checks how and when the process ended and that none of its connections is left.
 */
export async function terminateWithRequestsInFlight (t: Test, service: RunningService, sql: Sql, lock: { release (): Promise<void> }, inFlight: number, settled: () => number, afterSignal: () => Promise<void>) {
  await service.process.waitFor(`${inFlight} requests waiting on the lock`, async () => (await connections(sql, service)).waiting >= inFlight, 20_000, 50)
  t.equal(settled(), 0, `${inFlight} requests in flight, none answered yet`)

  const signalled = performance.now()
  service.process.signal('SIGTERM')
  await service.process.waitFor('the port refusing connections', async () => !await portAnswers(service.port), 5000, 20)
  t.pass('new connections are refused after the signal')
  await afterSignal()
  t.ok(service.process.running, 'the process waits for the requests in flight')
  t.equal(settled(), 0, 'the requests in flight are still unanswered')

  await lock.release()
  const exit = await service.process.exited
  const ms = performance.now() - signalled
  t.strictSame(exit, { code: 0, signal: null }, 'the process exits with code 0 (close-with-grace exits 1 when the grace period runs out)')
  t.ok(ms < GRACE_MS, `exited ${Math.round(ms)} ms after SIGTERM, within the ${GRACE_MS / 1000} s grace period`)
  const closing = service.logLines().find((line) => line.msg === 'closing')
  t.equal(closing?.signal, 'SIGTERM', 'it logged that it was closing on SIGTERM')
  // Exit code 0 comes only after every onClose hook, the pool's included; its backends are gone.
  await t.resolves(waitUntil(async () => (await connections(sql, service)).total === 0, 5000), 'no connection of the service is left in its database')
}

async function waitUntil (check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A request made after the signal: refused at connect, or (on a kept-alive connection) 503. */
export function assertRefused (t: Test, label: string, outcome: Outcome) {
  if (outcome instanceof Error) t.pass(`${label}: refused (${(outcome.cause as { code?: string } | undefined)?.code ?? outcome.message})`)
  else t.equal(outcome.status, 503, `${label}: 503 while closing`)
}
