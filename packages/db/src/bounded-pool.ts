import type { Sql } from 'postgres'
import { createCircuit, type Circuit } from './circuit.js'
import { databaseUnavailable } from './connection-errors.js'

type AnySql = Sql<Record<string, unknown>>

/**
 * The parts of a postgres.js 3.4 query this module relies on. A query is a lazy promise: once
 * awaited it is handed to the pool (`handler`), which runs it on an open connection at once
 * (`state` is then set), opens a connection for it, or queues it until one is free.
 */
interface PoolQuery {
  state: unknown
  cancelled: unknown
  strings: string[]
  args: unknown[]
  options: Record<string, unknown>
  handler: (query: PoolQuery) => void
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  cancel: () => unknown
}

export interface BoundedPoolOptions {
  /** The longest a query or transaction waits for a connection before it answers 503. */
  waitMs: number
  probeIntervalMs: number
  now?: () => number
}

export interface BoundedPool<T extends AnySql> {
  /** The client to hand drizzle: `unsafe` and `begin` are bounded and guarded by the circuit. */
  client: T
  circuit: Circuit
}

/**
 * Bounds how long a query waits for a pool connection, whatever the concurrency, and answers 503
 * at once while the database is known to be down (see circuit.ts). postgres.js queues a query
 * when every connection is busy or connecting, and a queued query waits for each reconnect in
 * turn: with 50 requests on a pool of 10 and an unreachable server, up to a minute.
 *
 * A query that has not started when its time is up must never run later (a write the caller was
 * told failed would be applied after all). It is rejected, emptied into a no-op statement, and
 * taken out of the pool's queue. Not with `cancel()` alone: a query cancelled while it is the
 * first query of a connection being opened leaves that connection in the pool's "connecting"
 * list for good (postgres.js 3.4.9), and after `max` of those the pool serves nobody.
 * A transaction whose `begin` is still waiting is abandoned the same way: if it starts later,
 * its callback throws instead of running, and postgres.js rolls back the empty transaction.
 * Queries inside a transaction run on its connection and are left alone, as is `reserve()`.
 */
export function boundedPool<T extends AnySql> (sql: T, opts: BoundedPoolOptions): BoundedPool<T> {
  const waiting = new Set<(error: Error) => void>()
  const circuit = createCircuit({
    probe: () => watch(sql.unsafe('select 1') as unknown as PoolQuery, false) as unknown as Promise<unknown>,
    probeIntervalMs: opts.probeIntervalMs,
    now: opts.now,
    onOpen: () => {
      const open = databaseUnavailable('DB_CIRCUIT_OPEN', 'The database became unreachable while the query waited for a connection')
      for (const expire of [...waiting]) expire(open)
    },
  })
  const poolTimeout = () => databaseUnavailable('DB_POOL_TIMEOUT', `No database connection within ${opts.waitMs} ms`)

  /** Bounds the time until `start` is called; `abandon` runs if the bound (or the circuit) comes first. */
  function bound (abandon: (error: Error) => void) {
    const expire = (error: Error) => {
      done()
      abandon(error)
    }
    const timer = setTimeout(() => expire(poolTimeout()), opts.waitMs)
    const done = () => {
      clearTimeout(timer)
      waiting.delete(expire)
    }
    waiting.add(expire)
    return done
  }

  function watch (query: PoolQuery, guarded: boolean): PoolQuery {
    const { handler, reject } = query
    query.reject = (error) => {
      circuit.record(error)
      reject(error)
    }
    query.handler = (q) => {
      if (guarded && circuit.state === 'open') return q.reject(databaseUnavailable('DB_CIRCUIT_OPEN', 'The database is unreachable'))
      handler(q)
      // Sent on an open connection: it has started, and only the server can end it now.
      if (q.state) return
      const done = bound((error) => {
        if (q.state) return
        q.reject(error)
        q.strings = ['']
        q.args = []
        q.options = { simple: true, prepare: false }
        q.cancel()
        q.cancelled = null
      })
      const { resolve, reject: rejectWaiting } = q
      q.resolve = (value) => { done(); resolve(value) }
      q.reject = (error) => { done(); rejectWaiting(error) }
    }
    return query
  }

  function begin (this: unknown, ...args: unknown[]): Promise<unknown> {
    const callback = args.pop() as (tx: AnySql) => unknown
    try {
      circuit.check()
    } catch (error) {
      return Promise.reject(error)
    }
    return new Promise((resolve, reject) => {
      let abandoned: Error | undefined
      const done = bound((error) => {
        abandoned = error
        reject(error)
      })
      const started = (sql.begin as (...a: unknown[]) => Promise<unknown>)(...args, (tx: AnySql) => {
        done()
        if (abandoned) throw abandoned
        return callback(tx)
      })
      started.then(resolve, (error: unknown) => {
        done()
        circuit.record(error)
        reject(error)
      })
    })
  }

  const client = new Proxy(sql, {
    get (target, property, receiver) {
      if (property === 'unsafe') {
        return (...args: Parameters<AnySql['unsafe']>) => watch(target.unsafe(...args) as unknown as PoolQuery, true)
      }
      if (property === 'begin') return begin
      return Reflect.get(target, property, receiver)
    },
  })
  return { client, circuit }
}
