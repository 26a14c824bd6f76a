import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { bearer, captureLogs, register, testEnv, uniqueUser } from '../helper.js'

/** The error handler's line for a request: its code, status, user and address, nothing more asked. */
function refusalLine (entries: Array<Record<string, unknown>>, requestId: string) {
  const line = entries.find((entry) => entry.reqId === requestId && typeof entry.code === 'string')
  if (!line) return undefined
  const { code, statusCode, userId, clientAddress, msg } = line
  return { code, statusCode, ...(userId === undefined ? {} : { userId }), clientAddress, msg }
}

t.test('every 403 and 429 log line says who tried: the user when known, and the address', async (t) => {
  const database = await createTestDatabase(t)
  const logs = captureLogs()
  const app = await buildApp({ logLevel: 'info', logStream: logs.stream, env: testEnv(database, { RATE_LIMIT_REGISTER: '1' }) })
  t.teardown(() => app.close())
  await app.ready()

  t.test('a 403: a patient at the admin API', async (t) => {
    const patient = await register(app)
    const res = await app.inject({ method: 'GET', url: '/api/users', headers: bearer(patient.tokens.accessToken), remoteAddress: '198.51.100.7' })
    t.equal(res.statusCode, 403)
    t.strictSame(refusalLine(logs.entries, String(res.headers['x-request-id'])), {
      code: 'FORBIDDEN',
      statusCode: 403,
      userId: patient.user.id,
      clientAddress: '198.51.100.7',
      msg: res.json().error.message,
    })
  })

  t.test('a 429 from @fastify/rate-limit, before any authentication: the address', async (t) => {
    const address = '203.0.113.44'
    const first = await app.inject({ method: 'POST', url: '/api/auth/register', payload: uniqueUser(), remoteAddress: address })
    t.equal(first.statusCode, 201)
    const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: uniqueUser(), remoteAddress: address })
    t.equal(res.statusCode, 429)
    t.strictSame(refusalLine(logs.entries, String(res.headers['x-request-id'])), {
      code: 'TOO_MANY_REQUESTS',
      statusCode: 429,
      clientAddress: address,
      msg: res.json().error.message,
    })
  })
})
