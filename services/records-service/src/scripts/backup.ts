import { databaseTool } from '@rekam/db'
import { loadConfig, startOrExit } from '@rekam/server-kit/startup'
import { ConfigSchema } from '../config.js'

/**
 * db:backup and db:restore (`backup --file <path>`, `restore --file <path> [--force]`): the
 * service's database to or from a file, by the shared tool in @rekam/db. Only the database
 * settings matter here, so only the schema and the shared rules are checked, as in migrate.ts.
 */
await startOrExit('records-service', async () => {
  const config = loadConfig(ConfigSchema, process.env)
  console.log(`records-service: ${await databaseTool(process.argv.slice(2), { name: 'records', config })}`)
})
