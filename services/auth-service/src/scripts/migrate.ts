import { loadConfig } from '@rekam/server-kit'
import { checkConfig, ConfigSchema } from '../config.js'
import { openAuthDatabase } from '../plugins/app/db.js'

/** Applies pending migrations to the configured database, then exits. */
const config = loadConfig(ConfigSchema, process.env, checkConfig)
const database = openAuthDatabase(config)
try {
  await database.migrate()
  console.log(`auth-service: migrations applied (${database.kind})`)
} finally {
  await database.close()
}
