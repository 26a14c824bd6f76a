import { fileURLToPath } from 'node:url'
import { createDatabase, type Database, type Db } from '@rekam/db'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { schema, type AuthSchema } from '../../db/schema.js'

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url))

export type AuthDb = Db<AuthSchema>

declare module 'fastify' {
  interface FastifyInstance {
    db: AuthDb
    database: Database<AuthSchema>
  }
}

export function openAuthDatabase (config: FastifyInstance['config']): Database<AuthSchema> {
  return createDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR === 'memory://' ? 'memory://' : `${config.DATA_DIR}/pglite-auth`,
    schema,
    migrationsFolder,
    poolSize: config.DB_POOL_SIZE,
    connectTimeout: config.DB_CONNECT_TIMEOUT,
    applicationName: 'rekam-auth-service',
  })
}

/**
 * Owns the database connection: PostgreSQL when DATABASE_URL is set, embedded PGlite
 * otherwise; migrates on start unless told not to; closes with the server.
 * @see https://github.com/tinchoz49/fastify-starter/blob/main/src/plugins/drizzle.js
 */
async function dbPlugin (fastify: FastifyInstance) {
  const database = openAuthDatabase(fastify.config)
  fastify.addHook('onClose', () => database.close())
  if (fastify.config.DB_MIGRATE_ON_START) await database.migrate()
  fastify.log.info({ database: database.kind }, 'database ready')
  fastify.decorate('database', database)
  fastify.decorate('db', database.db)
}

export default fp(dbPlugin, { name: 'db', dependencies: ['@fastify/env'] })
