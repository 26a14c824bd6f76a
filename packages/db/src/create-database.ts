import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { boundedPool } from './bounded-pool.js'
import { prepareHistory, historyTable } from './migration-history.js'
import { claimDataFolder } from './pglite-lock.js'
import { forgetSnapshot, readSnapshot, saveSnapshot, snapshotFiles, type SnapshotFiles } from './pglite-snapshot.js'
import { preparingClient } from './prepared.js'
import { waitUntilReachable, whereIs } from './start-wait.js'

/** A drizzle database or transaction over either driver; repositories take this. */
export type Db<S extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, S>

export interface DatabaseOptions<S extends Record<string, unknown>> {
  /** postgres:// URL; when absent the database is embedded PGlite in `dataDir`. */
  url?: string | undefined
  /** Folder for PGlite's files, or `memory://` for a throwaway database. */
  dataDir: string
  schema: S
  migrationsFolder: string
  /**
   * The service's short name (`auth`, `records`): its applied migrations are recorded in
   * `drizzle.<name>_migrations`. Without one, drizzle's default table (tests of this package).
   */
  name?: string
  /** Connections per instance (PostgreSQL only). */
  poolSize?: number
  /**
   * Seconds a query may wait for a connection (opening one, or a free one in the pool) before
   * it answers 503 instead of hanging, whatever the number of queries waiting (PostgreSQL only).
   */
  connectTimeout?: number
  applicationName?: string
  /**
   * Seconds a starting service keeps trying to reach PostgreSQL (the server may still be
   * starting, as in compose) before it gives up with one line naming DATABASE_URL; default 60.
   */
  startTimeout?: number
  /** Named server-side prepared statements for every query (PostgreSQL only); default true. */
  prepare?: boolean
}

export interface Database<S extends Record<string, unknown>> {
  kind: 'postgres' | 'pglite'
  db: Db<S>
  /** Waits until the database answers (PostgreSQL only), for at most `startTimeout`. */
  reachable (): Promise<void>
  migrate (): Promise<void>
  ping (): Promise<void>
  close (): Promise<void>
}

/** Any fixed number works; it only has to be the same in every instance of a service. */
const MIGRATION_LOCK_ID = 727_365

/**
 * While the database is unreachable, one `select 1` per second per instance: cheap for the
 * server, and a recovered database serves again within about a second.
 */
const PROBE_INTERVAL_MS = 1000

export function createDatabase<S extends Record<string, unknown>> (opts: DatabaseOptions<S>): Database<S> {
  return opts.url ? createPostgres(opts, opts.url) : createPglite(opts)
}

function createPostgres<S extends Record<string, unknown>> (opts: DatabaseOptions<S>, url: string): Database<S> {
  const connectTimeout = opts.connectTimeout ?? 5
  const clientOptions = {
    // A tenth under the wait bound: the query that opened a connection hears why it failed
    // (and the circuit opens) before the bound answers for it; only those queued behind it
    // meet the bound.
    connect_timeout: connectTimeout * 0.9,
    // Idle connections are closed so a restarted database is reconnected cleanly.
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: opts.applicationName ?? 'rekam' },
  }
  const sql = postgres(url, {
    ...clientOptions,
    max: opts.poolSize ?? 10,
    // postgres.js waits longer before each reconnect after a failure, up to 20 s, counted for
    // the whole pool: a recovered database would then wait out the last delay. The circuit
    // (bounded-pool.ts) keeps an unreachable server from being hammered instead.
    backoff: () => 0.05,
  })
  const pool = boundedPool(sql, { waitMs: connectTimeout * 1000, probeIntervalMs: PROBE_INTERVAL_MS })
  const client = opts.prepare === false ? pool.client : preparingClient(pool.client)
  const db = drizzlePostgres(client, { schema: opts.schema }) as unknown as Db<S>
  return {
    kind: 'postgres',
    db,
    async reachable () {
      await waitUntilReachable(url, opts.startTimeout ?? 60)
    },
    async migrate () {
      await this.reachable()
      // One connection holds a session advisory lock so parallel instances migrate one at a time.
      const lockSql = postgres(url, { ...clientOptions, max: 1 })
      try {
        await lockSql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`
        await migrateWith(drizzlePostgres(lockSql) as unknown as Db<S>, migratePostgres, opts, whereIs(url))
        await lockSql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`
      } finally {
        await lockSql.end({ timeout: 5 })
      }
    },
    async ping () {
      await pool.client.unsafe('select 1')
    },
    async close () {
      // Known down: nothing will finish, so a probe still connecting must not hold the shutdown.
      const timeout = pool.circuit.state === 'open' ? 0 : 5
      pool.circuit.dispose()
      await sql.end({ timeout })
    },
  }
}

function createPglite<S extends Record<string, unknown>> (opts: DatabaseOptions<S>): Database<S> {
  const inMemory = opts.dataDir.startsWith('memory://')
  if (!inMemory) mkdirSync(opts.dataDir, { recursive: true })
  // One process per folder: PGlite would let a second one in, and both would corrupt it.
  const release = inMemory ? () => {} : claimDataFolder(opts.dataDir)
  // A new database starts from a cached copy when there is one (pglite-snapshot.ts): the migrated
  // cluster, else the fresh one.
  const fresh = inMemory || !existsSync(join(opts.dataDir, 'PG_VERSION'))
  const copies = fresh ? snapshotFiles(opts.migrationsFolder, opts.name) : undefined
  const loaded = copies && firstCopy(copies)
  const client = new PGlite(opts.dataDir, loaded ? { loadDataDir: loaded.tarball } : {})
  // A database that did not open has nothing to close but its claim on the folder.
  let opened = true
  client.waitReady.catch(() => {
    opened = false
    // A copy that does not load is dropped, with what it half wrote: the next start initialises.
    if (!copies || !loaded) return
    forgetSnapshot(copies[loaded.kind])
    if (!inMemory) rmSync(opts.dataDir, { recursive: true, force: true })
  })
  // The copies missing are taken on the way, before anything else is written: migrate() is the
  // first thing done with a new folder (attachDatabase and the scripts).
  let toSave: Array<'migrated' | 'initdb'> = !copies ? [] : !loaded ? ['initdb', 'migrated'] : loaded.kind === 'initdb' ? ['migrated'] : []
  const db = drizzlePglite(client, { schema: opts.schema }) as unknown as Db<S>
  return {
    kind: 'pglite',
    db,
    async reachable () {},
    async migrate () {
      const saving = toSave
      toSave = []
      if (copies && saving.includes('initdb')) {
        await client.waitReady
        await saveSnapshot(client, copies.initdb)
      }
      await migrateWith(drizzlePglite(client) as unknown as Db<S>, migratePglite, opts, `in ${opts.dataDir}`)
      if (copies && saving.includes('migrated')) await saveSnapshot(client, copies.migrated, copies.migratedFamily)
    },
    async ping () {
      await client.query('select 1')
    },
    async close () {
      try {
        if (opened) await client.close()
      } finally {
        release()
      }
    },
  }
}

/** The migrated copy if there is a sound one, else the fresh cluster's (each read only if needed). */
function firstCopy (copies: SnapshotFiles): { kind: 'migrated' | 'initdb', tarball: Blob } | undefined {
  for (const kind of ['migrated', 'initdb'] as const) {
    const tarball = readSnapshot(copies[kind])
    if (tarball) return { kind, tarball }
  }
  return undefined
}

/** drizzle's migrator of either driver; both take the same configuration. */
type Migrator = (db: never, config: { migrationsFolder: string, migrationsSchema?: string, migrationsTable?: string }) => Promise<void>

/** Applies pending migrations, recorded in the service's own history table when it has a name. */
async function migrateWith<S extends Record<string, unknown>> (db: Db<S>, migrator: Migrator, opts: DatabaseOptions<S>, where: string) {
  if (opts.name === undefined) return migrator(db as never, { migrationsFolder: opts.migrationsFolder })
  await prepareHistory(db as unknown as Db<Record<string, unknown>>, { name: opts.name, schema: opts.schema, migrationsFolder: opts.migrationsFolder, where })
  await migrator(db as never, { migrationsFolder: opts.migrationsFolder, ...historyTable(opts.name) })
}
