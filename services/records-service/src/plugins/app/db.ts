import { join } from 'node:path'
import { attachDatabase, openDatabase, type Database, type Db } from '@rekam/db'
import { packageRoot } from '@rekam/server-kit/startup'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'
import { schema, type RecordsSchema } from '../../db/schema.js'

export const migrationsFolder = join(packageRoot(import.meta.url), 'migrations')

export type RecordsDb = Db<RecordsSchema>

declare module 'fastify' {
  interface FastifyInstance {
    db: RecordsDb
    database: Database<RecordsSchema>
  }
}

export function openRecordsDatabase (config: Config): Database<RecordsSchema> {
  return openDatabase(config, { name: 'records', schema, migrationsFolder })
}

/** Owns the database connection (see @rekam/db); migrates on start unless told not to. */
export default fp(async function dbPlugin (fastify: FastifyInstance) {
  await attachDatabase(fastify, openRecordsDatabase(fastify.config), fastify.config.DB_MIGRATE_ON_START)
}, { name: 'db', dependencies: ['@fastify/env'] })
