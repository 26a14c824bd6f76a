import { loadConfig } from '@rekam/server-kit/startup'
import { checkConfig, ConfigSchema } from '../config.js'
import { openAuthDatabase } from '../plugins/app/db.js'
import { createSecurityEventsRepository } from '../plugins/app/security-events-repository.js'
import { rotateSigningKey } from '../services/database-keys.js'

/**
 * Stages a new signing key in the database: published in the JWKS at once, signing after
 * KEY_ACTIVATION_DELAY seconds (or --delay=<seconds>); keys whose tokens have all expired are
 * retired. Running instances pick the change up within seconds, without a restart.
 */
const config = loadConfig(ConfigSchema, process.env, checkConfig)
if (!config.KEY_ENCRYPTION_KEY) {
  console.error('keys:rotate works on keys kept in the database: set KEY_ENCRYPTION_KEY (and DATABASE_URL)')
  process.exit(1)
}
const delayArg = process.argv.find((arg) => arg.startsWith('--delay='))
const delaySeconds = delayArg ? Number(delayArg.slice('--delay='.length)) : config.KEY_ACTIVATION_DELAY
if (!Number.isInteger(delaySeconds) || delaySeconds < 0) {
  console.error('--delay must be a whole number of seconds')
  process.exit(1)
}

const database = openAuthDatabase(config)
try {
  await database.migrate()
  const result = await rotateSigningKey(database.db, {
    algorithm: config.JWT_ALGORITHM,
    secret: config.KEY_ENCRYPTION_KEY,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL,
    delaySeconds,
  })
  await createSecurityEventsRepository(database.db).record(
    { type: 'KEY_ROTATED', reason: `staged ${result.kid}, signing from ${result.activatesAt.toISOString()}${result.retired.length ? `; retired ${result.retired.join(', ')}` : ''}` },
    { ip: null, userAgent: 'keys:rotate', requestId: 'keys:rotate' },
  )
  console.log(JSON.stringify({ kid: result.kid, activatesAt: result.activatesAt.toISOString(), retired: result.retired }))
} finally {
  await database.close()
}
