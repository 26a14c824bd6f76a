import { loadConfig } from '@rekam/server-kit/startup'
import { buildApp } from '../app.js'
import { checkConfig, ConfigSchema } from '../config.js'
import { seedDemoAccounts } from '../services/demo-accounts.js'

/** Creates the demo accounts (never in production). */
if (loadConfig(ConfigSchema, process.env, checkConfig).NODE_ENV === 'production') {
  console.error('auth-service: refusing to create demo accounts when NODE_ENV=production')
  process.exit(1)
}
const app = await buildApp({ logLevel: 'warn' })
try {
  await app.ready()
  const created = await seedDemoAccounts(app)
  console.log(`auth-service: ${created} demo account(s) created`)
} finally {
  await app.close()
}
