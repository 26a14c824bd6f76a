import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { buildTestApp, uniqueUser } from '../helper.js'

const app = await buildTestApp(t)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

t.test('an unknown route is 404 NOT_FOUND with the request id of the x-request-id header', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/api/nothing-here?secret=1' })
  t.equal(res.statusCode, 404)
  const requestId = res.headers['x-request-id']
  t.match(requestId, UUID, 'a generated uuid')
  t.strictSame(res.json(), {
    success: false,
    error: { code: 'NOT_FOUND', message: 'Route GET /api/nothing-here not found', requestId },
  })

  const wrongMethod = await app.inject({ method: 'DELETE', url: '/api/auth/me' })
  assertError(t, wrongMethod, 404, 'NOT_FOUND', 'Route DELETE /api/auth/me not found')
  t.not(wrongMethod.headers['x-request-id'], requestId, 'each request has its own id')
})

t.test('an incoming x-request-id is echoed and used as requestId', async (t) => {
  const res = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'abc-123' } })
  t.equal(res.statusCode, 404)
  t.equal(res.headers['x-request-id'], 'abc-123')
  t.equal(res.json().error.requestId, 'abc-123')

  const ok = await app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'gw:42.a_b' } })
  t.equal(ok.statusCode, 200)
  t.equal(ok.headers['x-request-id'], 'gw:42.a_b', 'echoed on success too')
})

t.test('an unsafe or oversized incoming x-request-id is replaced', async (t) => {
  for (const incoming of ['abc 123', 'x'.repeat(129), '<script>', 'a\\b']) {
    const res = await app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': incoming } })
    t.match(res.headers['x-request-id'], UUID, JSON.stringify(incoming.slice(0, 10)))
    t.equal(res.json().error.requestId, res.headers['x-request-id'])
  }
})

t.test('malformed JSON is 400 BAD_REQUEST', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '{"username": "a", "password": ',
  })
  assertError(t, res, 400, 'BAD_REQUEST', 'The request body is not valid JSON')
  t.notMatch(res.json().error.message, /at .*\.js|node_modules/, 'no stack in the message')
})

t.test('an empty JSON body is 400 BAD_REQUEST', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: '',
  })
  assertError(t, res, 400, 'BAD_REQUEST', "Body cannot be empty when content-type is set to 'application/json'")
})

t.test('a body over 100 KiB is 413 PAYLOAD_TOO_LARGE', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { ...uniqueUser(), fullName: 'x'.repeat(100 * 1024) },
  })
  assertError(t, res, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large')

  const justUnder = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ username: 'nobody', password: 'x'.repeat(100) }).padEnd(100 * 1024 - 1, ' '),
  })
  t.equal(justUnder.statusCode, 401, 'a body just under the limit is read')
})

t.test('a text/plain body is 415 UNSUPPORTED_MEDIA_TYPE', async (t) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'text/plain' },
    payload: 'username=a&password=b',
  })
  assertError(t, res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')

  const form = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'username=a&password=b',
  })
  // curl -d without -H 'content-type: application/json' sends a form: the answer says what to send.
  assertError(t, form, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')
  const bare = await app.inject({ method: 'POST', url: '/api/auth/login', payload: Buffer.from('{"username":"a","password":"b"}') })
  assertError(t, bare, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')
})

t.test('validation errors list the field', async (t) => {
  const missing = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'a@example.test', password: 'long-enough-pw' } })
  t.equal(missing.statusCode, 400)
  t.strictSame(missing.json(), {
    success: false,
    error: {
      code: 'VALIDATION_ERROR',
      message: "body.username must have required property 'username'",
      details: [{ field: 'body.username', message: "must have required property 'username'" }],
      requestId: missing.headers['x-request-id'],
    },
  })

  const wrongType = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), password: 12345678 } })
  assertInvalid(t, wrongType, 'body.password', 'must be string')

  const unknown = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), role: 'ADMIN' } })
  assertInvalid(t, unknown, 'body.role', "unknown property 'role'")

  const short = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), password: 'short' } })
  assertInvalid(t, short, 'body.password', 'must NOT have fewer than 8 characters')

  const badEmail = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...uniqueUser(), email: 'nope' } })
  assertInvalid(t, badEmail, 'body.email', 'must match format "email"')
})

t.test('error bodies carry no internals', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{bad' })
  t.strictSame(Object.keys(res.json()).sort(), ['error', 'success'])
  t.strictSame(Object.keys(res.json().error).sort(), ['code', 'message', 'requestId'])
  t.notMatch(res.body, /stack|node_modules|FST_/)
})
