import { createTestDatabase } from '@rekam/testing'
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
  const probe = (url: string, remoteAddress = '203.0.113.7') => app.inject({ method: 'GET', url, remoteAddress })

  for (let i = 0; i < 3; i++) {
    const res = await probe(`/nope-${i}`)
    t.equal(res.statusCode, 404)
    t.strictSame(res.json(), { success: false, error: { code: 'NOT_FOUND', message: `Route GET /nope-${i} not found`, requestId: res.json().error.requestId } })
  }
  const limited = await probe('/nope-3')
  t.equal(limited.statusCode, 429)
  t.strictSame(limited.json(), {
    success: false,
    error: { code: 'TOO_MANY_REQUESTS', message: limited.json().error.message, requestId: limited.json().error.requestId },
  })
  t.ok(Number(limited.headers['retry-after']) > 0, 'with Retry-After')

  t.equal((await probe('/health/live')).statusCode, 200, 'a known route is unaffected')
  t.equal((await probe('/nope-4', '203.0.113.8')).statusCode, 404, 'another address has its own count')
})
