import envSchema from 'env-schema'
import { ConfigSchema, type Config } from '../config.js'
import { openRecordsDatabase } from '../plugins/app/db.js'

/** Applies pending migrations to the configured database, then exits. */
const config = envSchema<Config>({ schema: ConfigSchema, dotenv: false })
const database = openRecordsDatabase(config)
try {
  await database.migrate()
  console.log(`records-service: migrations applied (${database.kind})`)
} finally {
  await database.close()
}
