import { assertNotFoundLimited } from '@rekam/testing'
import t from 'tap'
import { buildTestApp } from '../helper.js'

t.test('the 404 handler is rate-limited per address (RATE_LIMIT_NOT_FOUND)', async (t) => {
  const app = await buildTestApp(t, { env: { RATE_LIMIT_NOT_FOUND: '3' } })
  await assertNotFoundLimited(t, app)
})
