import { assertNotFoundLimited, createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../../src/app.js'

t.test('the 404 handler is rate-limited per address (RATE_LIMIT_NOT_FOUND)', async (t) => {
  const database = await createTestDatabase(t)
  const app = await buildApp({
    logLevel: false,
    env: {
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      // No auth-service here: only the 404 handler and a public route are called.
      REVOCATION_STRICT: 'false',
      RATE_LIMIT_NOT_FOUND: '3',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    },
  })
  t.teardown(() => app.close())
  await assertNotFoundLimited(t, app)
})
