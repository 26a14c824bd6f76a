import type { FastifyInstance } from 'fastify'
import { createDatabase, type Database } from './create-database.js'

/** The database settings every service reads from its environment. */
export interface DatabaseConfig {
  DATABASE_URL?: string | undefined
  DATA_DIR: string
  DB_POOL_SIZE: number
  DB_CONNECT_TIMEOUT: number
  DB_START_TIMEOUT?: number | undefined
  DB_PREPARE?: boolean | undefined
}

/** The folder of a service's embedded PGlite database: DATA_DIR/pglite-<name> (or `memory://`). */
export function embeddedFolder (config: Pick<DatabaseConfig, 'DATA_DIR'>, name: string): string {
  return config.DATA_DIR === 'memory://' ? 'memory://' : `${config.DATA_DIR}/pglite-${name}`
}

/** PostgreSQL when DATABASE_URL is set; otherwise PGlite in DATA_DIR/pglite-<name>. */
export function openDatabase<S extends Record<string, unknown>> (
  config: DatabaseConfig,
  opts: { name: string, schema: S, migrationsFolder: string },
): Database<S> {
  return createDatabase({
    url: config.DATABASE_URL,
    dataDir: embeddedFolder(config, opts.name),
    schema: opts.schema,
    migrationsFolder: opts.migrationsFolder,
    name: opts.name,
    startTimeout: config.DB_START_TIMEOUT,
    poolSize: config.DB_POOL_SIZE,
    connectTimeout: config.DB_CONNECT_TIMEOUT,
    applicationName: `rekam-${opts.name}`,
    prepare: config.DB_PREPARE ?? true,
  })
}

/**
 * Hands a database to a Fastify instance: decorates `database` and `db`, closes it with the
 * server, and migrates first when asked. Services wrap this in their own typed `db` plugin.
 */
export async function attachDatabase<S extends Record<string, unknown>> (fastify: FastifyInstance, database: Database<S>, migrate: boolean) {
  fastify.addHook('onClose', () => database.close())
  // Migrating waits for the database first (DB_START_TIMEOUT). An instance that does not migrate
  // starts at once and answers 503 until the database is back, as it does after any outage.
  if (migrate) await database.migrate()
  fastify.log.info({ database: database.kind }, 'database ready')
  fastify.decorate('database', database as never)
  fastify.decorate('db', database.db as never)
}
