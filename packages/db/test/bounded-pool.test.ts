/**
 * The pool's bounded wait and circuit on real PostgreSQL, reached through a TCP proxy the test
 * cuts (refused, or accepted and never answered) and restores.
 */
import { count, like, sql } from 'drizzle-orm'
import { pgTable, serial, text } from 'drizzle-orm/pg-core'
import t, { type Test } from 'tap'
import { createTestDatabase } from '@rekam/testing'
import { startTcpProxy, type CutMode } from '@rekam/testing/e2e'
import { createDatabase, type Database } from '../src/index.js'

const notes = pgTable('notes', { id: serial('id').primaryKey(), body: text('body').notNull() })
const schema = { notes }
type Notes = Database<typeof schema>

async function open (t: Test, url: string, poolSize: number): Promise<Notes> {
  // One second: the bound under test, kept short so the file stays quick.
  const database = createDatabase({ url, dataDir: 'memory://', schema, migrationsFolder: 'unused', poolSize, connectTimeout: 1 })
  t.teardown(() => database.close())
  await database.db.execute(sql`create table if not exists notes (id serial primary key, body text not null)`)
  return database
}

/** How long the work took, and the code of its error (drizzle keeps the driver's as `cause`). */
async function timed<T> (work: () => Promise<T>): Promise<{ ms: number, code?: string }> {
  const started = performance.now()
  try {
    await work()
    return { ms: performance.now() - started }
  } catch (error) {
    const { code, cause } = error as { code?: string, cause?: { code?: string } }
    return { ms: performance.now() - started, code: code ?? cause?.code ?? 'none' }
  }
}

const written = async (database: Notes, prefix: string) =>
  (await database.db.select({ n: count() }).from(notes).where(like(notes.body, `${prefix}%`)))[0]!.n

/** Resolves once ping answers; ping never probes, so this waits for the circuit's own probe. */
async function untilServing (database: Notes, withinMs: number): Promise<number> {
  const started = performance.now()
  for (;;) {
    const attempt = await timed(() => database.ping())
    if (!attempt.code) return performance.now() - started
    if (performance.now() - started > withinMs) throw new Error(`not serving after ${withinMs} ms: ${attempt.code}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

t.test('a busy pool: a query or transaction waiting past the bound answers DB_POOL_TIMEOUT and never runs', async (t) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const database = await open(t, url!, 1)
  let release!: () => void
  const held = database.db.transaction(async (tx) => {
    await tx.insert(notes).values({ body: 'held' })
    await new Promise<void>((resolve) => { release = resolve })
  })
  await new Promise((resolve) => setTimeout(resolve, 50))
  // Without a bound the waiting queries would wait for this release: fail, not hang.
  const unblock = setTimeout(() => release(), 2500)

  let callbackRan = false
  const [insert, transaction] = await Promise.all([
    timed(() => database.db.insert(notes).values({ body: 'late insert' })),
    timed(() => database.db.transaction(async (tx) => {
      callbackRan = true
      await tx.insert(notes).values({ body: 'late transaction' })
    })),
  ])
  for (const [label, res] of Object.entries({ insert, transaction })) {
    t.equal(res.code, 'DB_POOL_TIMEOUT', `${label}: refused once the bound passed`)
    t.ok(res.ms >= 950 && res.ms < 2000, `${label}: after the 1 s bound (${Math.round(res.ms)} ms)`)
  }

  clearTimeout(unblock)
  release()
  await held
  await t.resolves(database.ping(), 'a busy pool is not an outage: the circuit stayed closed')
  t.equal(await written(database, 'late'), 0, 'neither the timed-out insert nor the transaction ran once the connection was free')
  t.notOk(callbackRan, 'the abandoned transaction\'s callback never ran')
  t.equal(await written(database, 'held'), 1)
})

const outage = (mode: CutMode) => async (t: Test) => {
  const { url } = await createTestDatabase(t, 'postgres')
  const proxy = await startTcpProxy(t)
  const database = await open(t, proxy.url(url!), 2)

  await proxy.cut(mode)
  // The pool notices its idle connections closing (no query fails, so the circuit stays
  // closed): the burst then has to open new connections, into the cut.
  await new Promise((resolve) => setTimeout(resolve, 100))
  // Twenty writes on a pool of two: without the bound, they would wait for ten reconnects in turn.
  const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => timed(() => database.db.insert(notes).values({ body: `burst ${i}` }))))
  const codes = new Set(burst.map((res) => res.code))
  t.comment(`codes: ${[...codes].join(', ')}`)
  t.ok([...codes].every((code) => ['DB_POOL_TIMEOUT', 'DB_CIRCUIT_OPEN', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'CONNECTION_CLOSED'].includes(code ?? '')), 'every write failed as unavailable')
  const slowest = Math.max(...burst.map((res) => res.ms))
  t.ok(slowest < 1500, `all within the 1 s bound (slowest ${Math.round(slowest)} ms)`)

  const known = await Promise.all([timed(() => database.ping()), timed(() => database.db.insert(notes).values({ body: 'burst late' }))])
  for (const res of known) {
    t.equal(res.code, 'DB_CIRCUIT_OPEN', 'once the database is known to be down, the circuit answers')
    t.ok(res.ms < 100, `at once (${Math.round(res.ms)} ms)`)
  }

  await proxy.restore()
  const ms = await untilServing(database, 5000)
  t.comment(`serving ${Math.round(ms)} ms after the database came back`)
  // Every connection has been through whatever postgres.js still held for it.
  await Promise.all(Array.from({ length: 6 }, () => database.db.select().from(notes)))
  t.equal(await written(database, 'burst'), 0, 'no refused write ran after the database came back')
  await database.db.insert(notes).values({ body: 'after' })
  t.equal(await written(database, 'after'), 1, 'writes work again')
}

t.test('refused connections', outage('refuse'))
t.test('connections accepted and never answered', outage('blackhole'))
