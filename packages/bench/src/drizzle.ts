import { defineStatement, preparingClient } from '@rekam/db'
import { readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { recordByIdQuery } from '@rekam/records-service/statements'
import { repoPath } from '@rekam/testing/e2e'
import type postgres from 'postgres'

const SERVICE_DIR = repoPath('services', 'records-service')

/**
 * Imports a dependency of records-service as the service itself resolves it (its own copy, so
 * the figures are for the drizzle version the service runs; the bench adds no second one).
 */
async function importServiceDependency (name: string, subpath = '.'): Promise<any> {
  const dir = realpathSync(join(SERVICE_DIR, 'node_modules', name))
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> }
  const entry = manifest.exports?.[subpath]?.import
  const file = typeof entry === 'string' ? entry : entry?.default
  if (!file) throw new Error(`records-service's ${name} has no ESM entry for ${subpath}`)
  return import(pathToFileURL(join(dir, file)).href)
}

/** One row of the joined record read, as drizzle returns it. */
type Joined = Record<string, Record<string, unknown>>

export interface DrizzleQueries {
  /** The select built again on every call, as drizzle's query builder is used by default. */
  recordById (id: string): Promise<Joined[]>
  /**
   * The same select written with a placeholder and turned into SQL once (@rekam/db's
   * `defineStatement`): how the services run their hot statements.
   */
  definedRecordById (id: string): Promise<Record<string, unknown>[]>
  /** The same query as a drizzle prepared statement (`.prepare(name)`: a server-side prepared statement). */
  preparedRecordById (id: string): Promise<Joined[]>
}

/**
 * records-service's plain record read, built by the service's own query function
 * (`recordByIdQuery` of `@rekam/records-service/statements`) with drizzle over a postgres.js client.
 */
export async function drizzleQueries (sql: postgres.Sql): Promise<DrizzleQueries> {
  const { sql: sqlTag } = await importServiceDependency('drizzle-orm')
  const { drizzle } = await importServiceDependency('drizzle-orm', './postgres-js')
  // As the services run drizzle: over @rekam/db's client, which prepares every statement (DB_PREPARE).
  const db = drizzle(preparingClient(sql))
  const byId = (id: unknown) => recordByIdQuery(db, id as string)
  const prepared = byId(sqlTag.placeholder('id')).prepare('bench_record_by_id')
  const defined = defineStatement<{ id: string }>(db, byId(sqlTag.placeholder('id')).getSQL())
  return {
    recordById: (id) => byId(id),
    definedRecordById: async (id) => await defined({ id }) as Record<string, unknown>[],
    preparedRecordById: (id) => prepared.execute({ id }),
  }
}
