import { loadConfig } from '@rekam/server-kit'
import { checkConfig, ConfigSchema } from '../config.js'
import { openRecordsDatabase } from '../plugins/app/db.js'

/** Applies pending migrations to the configured database, then exits. */
const config = loadConfig(ConfigSchema, process.env, checkConfig)
const database = openRecordsDatabase(config)
try {
  await database.migrate()
  console.log(`records-service: migrations applied (${database.kind})`)
} finally {
  await database.close()
}
