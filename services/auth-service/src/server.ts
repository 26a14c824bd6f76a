import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'

/** `--demo` (the local quick start) turns on demo mode unless the environment says otherwise. */
const env = process.argv.includes('--demo') ? { DEMO_MODE: 'true', ...process.env } : process.env

const app = await buildApp({ env })

// Requests in flight get this long to finish after SIGTERM before the process exits anyway.
closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
  if (err) app.log.error({ err }, 'closing because of an error')
  else app.log.info({ signal }, 'closing')
  await app.close()
})

try {
  await app.listen({ host: app.config.HOST, port: app.config.PORT })
} catch (err) {
  app.log.error({ err }, 'failed to start')
  process.exit(1)
}
