import { getTableName, is, sql } from 'drizzle-orm'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import { PgTable } from 'drizzle-orm/pg-core'
import { StartupError } from '@rekam/errors'
import type { Db } from './create-database.js'
import { rowsOf } from './statement.js'

/** drizzle's default history table, which every service shared before each had its own. */
const SHARED_HISTORY = '__drizzle_migrations'
const HISTORY_SCHEMA = 'drizzle'

/**
 * Where a service records the migrations it applied: a table of its own (`drizzle.auth_migrations`,
 * `drizzle.records_migrations`), so two services pointed at one database never read each other's
 * history as their own.
 */
export function historyTable (name: string) {
  return { migrationsSchema: HISTORY_SCHEMA, migrationsTable: `${name}_migrations` }
}

export interface HistoryOptions {
  /** The service's short name (`auth`, `records`). */
  name: string
  schema: Record<string, unknown>
  migrationsFolder: string
  /** Where the database is, for the message (host and database name, never a password). */
  where: string
}

async function tableExists (db: Db<Record<string, unknown>>, schemaName: string, table: string): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(await db.execute(sql`select to_regclass(${`"${schemaName}"."${table}"`}) is not null as found`))
  return rows[0]?.found === true
}

/**
 * Runs before a service migrates, under the migration lock. A database migrated before each
 * service had its own history keeps it: the shared table is renamed to the service's when every
 * migration it lists is one of this service's. A database that already holds another service's
 * tables is refused with one line naming the fix, instead of failing half-way through a migration.
 */
export async function prepareHistory (db: Db<Record<string, unknown>>, opts: HistoryOptions): Promise<void> {
  const { migrationsTable } = historyTable(opts.name)
  if (await tableExists(db, HISTORY_SCHEMA, migrationsTable)) return

  if (await tableExists(db, HISTORY_SCHEMA, SHARED_HISTORY)) {
    const ours = new Set(readMigrationFiles({ migrationsFolder: opts.migrationsFolder }).map((m) => m.hash))
    const applied = rowsOf<{ hash: string }>(await db.execute(sql.raw(`select hash from "${HISTORY_SCHEMA}"."${SHARED_HISTORY}"`)))
    if (applied.length > 0 && applied.every((row) => ours.has(row.hash))) {
      await db.execute(sql.raw(`alter table "${HISTORY_SCHEMA}"."${SHARED_HISTORY}" rename to "${migrationsTable}"`))
      return
    }
  }

  const own = new Set(Object.values(opts.schema).filter((table) => is(table, PgTable)).map((table) => getTableName(table as PgTable)))
  const tables = rowsOf<{ name: string }>(await db.execute(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`))
  const foreign = tables.map((row) => row.name).filter((name) => !own.has(name))
  if (foreign.length > 0) {
    throw new StartupError(`the database ${opts.where} already holds tables this service did not create (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}); give each service a database of its own (DATABASE_URL)`)
  }
}
