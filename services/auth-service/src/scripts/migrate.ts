import { loadConfig, startOrExit } from '@rekam/server-kit/startup'
import { ConfigSchema } from '../config.js'
import { openAuthDatabase } from '../plugins/app/db.js'

/**
 * Applies pending migrations to the configured database, then exits. The service's own
 * cross-variable rules (signing key, revocation feed secret) are about serving: a migration Job
 * is given only the database settings, so only the schema and the shared rules apply here.
 */
await startOrExit('auth-service', async () => {
  const config = loadConfig(ConfigSchema, process.env)
  const database = openAuthDatabase(config)
  try {
    await database.migrate()
    console.log(`auth-service: migrations applied (${database.kind})`)
  } finally {
    await database.close()
  }
})
