import { join } from 'node:path'
import { attachDatabase, openDatabase, type Database, type Db } from '@rekam/db'
import { packageRoot } from '@rekam/server-kit/startup'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'
import { schema, type AuthSchema } from '../../db/schema.js'

export const migrationsFolder = join(packageRoot(import.meta.url), 'migrations')

export type AuthDb = Db<AuthSchema>

declare module 'fastify' {
  interface FastifyInstance {
    db: AuthDb
    database: Database<AuthSchema>
  }
}

export function openAuthDatabase (config: Config): Database<AuthSchema> {
  return openDatabase(config, { name: 'auth', schema, migrationsFolder })
}

/**
 * Owns the database connection: PostgreSQL when DATABASE_URL is set, embedded PGlite
 * otherwise; migrates on start unless told not to; closes with the server.
 * @see https://github.com/tinchoz49/fastify-starter/blob/main/src/plugins/drizzle.js
 */
export default fp(async function dbPlugin (fastify: FastifyInstance) {
  await attachDatabase(fastify, openAuthDatabase(fastify.config), fastify.config.DB_MIGRATE_ON_START)
}, { name: 'db', dependencies: ['@fastify/env'] })
