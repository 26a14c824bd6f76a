import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { buildTestApp, testEnv } from '../helper.js'

const INTERNAL_SECRET = 'internal-routes-test-secret-0123456789'
const headers = { 'x-internal-secret': INTERNAL_SECRET }

/** PostgreSQL's bigint (int8) ends here; the feed's ids are bigints. */
const INT8_MAX = 9223372036854775807n

t.test('the revocation feed cursor', async (t) => {
  const app = await buildTestApp(t, { env: { INTERNAL_SECRET } })

  t.test('the largest bigint is a cursor past every revocation', async (t) => {
    const res = await app.inject({ method: 'GET', url: `/internal/revocations?after=${INT8_MAX}`, headers })
    t.equal(res.statusCode, 200)
    t.strictSame(res.json(), { success: true, data: { items: [], cursor: String(INT8_MAX), hasMore: false } })
  })

  t.test('one past it is a validation error, not a failed query (500)', async (t) => {
    const res = await app.inject({ method: 'GET', url: `/internal/revocations?after=${INT8_MAX + 1n}`, headers })
    t.equal(res.statusCode, 400)
    t.strictSame(res.json(), {
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: `querystring.after must be at most ${INT8_MAX}`,
        details: [{ field: 'querystring.after', message: `must be at most ${INT8_MAX}` }],
        requestId: res.headers['x-request-id'],
      },
    })
  })

  t.test('so is the largest 19-digit number', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/internal/revocations?after=9999999999999999999', headers })
    t.equal(res.statusCode, 400)
    t.equal(res.json().error.code, 'VALIDATION_ERROR')
  })
})

t.test('a poll of the feed is logged at debug, not info (records-service polls once a second)', async (t) => {
  const database = await createTestDatabase(t)
  for (const level of ['info', 'debug'] as const) {
    const lines: Array<{ level: number, msg: string, req?: { url?: string } }> = []
    const app = await buildApp({ logLevel: level, logStream: { write: (line) => { lines.push(JSON.parse(line)) } }, env: testEnv(database, { INTERNAL_SECRET }) })
    t.teardown(() => app.close())
    await app.ready()
    lines.length = 0
    const res = await app.inject({ method: 'GET', url: '/internal/revocations', headers })
    t.equal(res.statusCode, 200)
    if (level === 'info') {
      t.strictSame(lines, [], 'at info, a poll writes no line')
    } else {
      t.strictSame(lines.map((line) => [line.level, line.msg]), [[20, 'incoming request'], [20, 'request completed']], 'at debug, its two request lines')
    }
  }
  const lines: string[] = []
  const app = await buildApp({ logLevel: 'info', logStream: { write: (line) => { lines.push(line) } }, env: testEnv(database, { INTERNAL_SECRET }) })
  t.teardown(() => app.close())
  await app.ready()
  lines.length = 0
  await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
  t.equal(lines.length, 2, 'other requests keep their info lines')
})
