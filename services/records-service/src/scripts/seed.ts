import { loadConfig } from '@rekam/server-kit/startup'
import { buildApp } from '../app.js'
import { checkConfig, ConfigSchema } from '../config.js'
import { seedDemoData } from '../services/demo-data.js'

/** Creates the demo profiles and records (never in production). */
if (loadConfig(ConfigSchema, process.env, checkConfig).NODE_ENV === 'production') {
  console.error('records-service: refusing to create demo data when NODE_ENV=production')
  process.exit(1)
}
const app = await buildApp({ logLevel: 'warn' })
try {
  await app.ready()
  const created = await seedDemoData(app)
  console.log(`records-service: ${created} demo record(s) created`)
} finally {
  await app.close()
}
