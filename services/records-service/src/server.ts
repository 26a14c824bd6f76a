import { listenWithGrace, startOrExit } from '@rekam/server-kit'
import { buildApp } from './app.js'

/** `--demo` (the local quick start) turns on demo mode unless the environment says otherwise. */
const env = process.argv.includes('--demo') ? { DEMO_MODE: 'true', ...process.env } : process.env

await startOrExit('records-service', async () => {
  const app = await buildApp({ env })
  await listenWithGrace(app, { host: app.config.HOST, port: app.config.PORT })
})
