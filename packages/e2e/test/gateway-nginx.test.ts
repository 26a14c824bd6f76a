/**
 * The gateway's own rules, on the whole stack as deployed: the built services as real processes
 * on fresh PostgreSQL databases, behind the real nginx running the committed gateway template.
 * Every request goes through nginx. The scenarios of seed 004 through it:
 * gateway-nginx-scenarios.test.ts.
 */
import { MAX_BODY_BYTES } from '@rekam/server-kit'
import t from 'tap'
import { DEMO, newRequestId, rawGet, type Client, findNginx, type RunningNginx, type RunningService } from '@rekam/testing/e2e'
import { assertError, logLinesOf, waitForLog } from './helpers/gateway-assert.js'
import { startGatewayStack } from './helpers/gateway-stack.js'

const nginxBin = findNginx()

const GENERATED_ID = /^[0-9a-f]{32}$/

function main () {
  let auth: RunningService
  let records: RunningService
  let gateway: RunningNginx
  let api: Client
  // In t.before, so that a failed start still runs every teardown (no process is left behind).
  t.before(async () => {
    ;({ auth, records, gateway, api } = await startGatewayStack(t, nginxBin))
  })

  t.test('auth-service\'s internal endpoints are not reachable through the gateway', async (t) => {
    for (const path of ['/internal/revocations', '/internal/introspect', '/api/auth/../../internal/revocations', '/api/auth/%2e%2e/%2e%2e/internal/revocations', '/api/auth/..%2f..%2finternal/revocations']) {
      const id = newRequestId()
      const res = await rawGet(gateway.url, path, { 'x-request-id': id })
      assertError(t, res, 404, 'NOT_FOUND', /^Route (GET \S+ )?not found$/)
      t.notOk(logLinesOf(auth, id).some((line) => String((line.req as { url?: string } | undefined)?.url ?? '').includes('internal')), `${path}: auth-service never saw an /internal request`)
    }
  })

  t.test('an unknown route is a 404 in the envelope, from nginx and from a service', async (t) => {
    const id = newRequestId()
    const res = await api.get('/api/nothing-here', { headers: { 'x-request-id': id } })
    assertError(t, res, 404, 'NOT_FOUND', 'Route not found')
    t.equal(res.body.error.requestId, id)
    assertError(t, await api.get('/'), 404, 'NOT_FOUND', 'Route not found')
    assertError(t, await api.request('/api/unknown', { method: 'POST', json: {} }), 404, 'NOT_FOUND', 'Route not found')

    // Behind a routed prefix, the service answers the same way.
    const inner = newRequestId()
    const behind = await api.get('/api/auth/no-such-route', { headers: { 'x-request-id': inner } })
    assertError(t, behind, 404, 'NOT_FOUND', 'Route GET /api/auth/no-such-route not found')
    t.equal(behind.body.error.requestId, inner)
    t.ok((await waitForLog(auth, inner)).length > 0, 'auth-service answered it')
  })

  // nginx refuses what the services would (client_max_body_size = MAX_BODY_BYTES): a service
  // refusing a body mid-upload closes the connection nginx is writing it to, a 502 for the client.
  for (const [label, kib] of [['far over the services\' 100 KiB', 1536], ['just over it', 101]] as const) {
    t.test(`a body ${label}: 413 envelope from nginx; the service never sees it`, async (t) => {
      const id = newRequestId()
      const res = await api.request('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: 'x@example.com', password: 'y'.repeat(kib * 1024) }),
        headers: { 'x-request-id': id },
      })
      assertError(t, res, 413, 'PAYLOAD_TOO_LARGE', 'Request body is too large')
      t.equal(res.body.error.requestId, id)
      t.equal(res.headers.get('x-request-id'), id)
      t.strictSame(logLinesOf(auth, id), [], 'auth-service did not receive it')
    })
  }

  t.test('a body just under the limit is passed on, and the service judges it', async (t) => {
    const id = newRequestId()
    const body = JSON.stringify({ email: 'x@example.com', password: 'y'.repeat(99 * 1024) })
    t.ok(Buffer.byteLength(body) <= MAX_BODY_BYTES, 'under the limit')
    const res = await api.request('/api/auth/login', { method: 'POST', body, headers: { 'x-request-id': id } })
    assertError(t, res, 400, 'VALIDATION_ERROR', 'body.password must NOT have more than 1024 characters', [{ field: 'body.password', message: 'must NOT have more than 1024 characters' }])
    const lines = await waitForLog(auth, id, (line) => line.msg === 'request completed')
    t.equal((lines.find((line) => line.msg === 'request completed')?.res as { statusCode?: number } | undefined)?.statusCode, 400, 'auth-service answered it')
  })

  t.test('request ids: a caller\'s id is kept end to end; otherwise nginx makes one', async (t) => {
    const id = newRequestId()
    const res = await api.get('/api/records', { headers: { 'x-request-id': id } })
    assertError(t, res, 401, 'UNAUTHORIZED', 'A bearer access token is required')
    t.equal(res.headers.get('x-request-id'), id, 'response header')
    t.equal(res.body.error.requestId, id, 'error envelope')
    const lines = await waitForLog(records, id)
    t.ok(lines.some((line) => line.msg === 'incoming request'), 'records-service logged the request under that id')
    t.equal(res.headers.get('x-request-id')?.split(',').length, 1, 'one x-request-id value, not the service\'s and nginx\'s')

    const ok = newRequestId()
    const login = await api.post('/api/auth/login', DEMO.andi, { headers: { 'x-request-id': ok } })
    t.equal(login.status, 200)
    t.equal(login.headers.get('x-request-id'), ok, 'on success too')
    t.ok((await waitForLog(auth, ok)).length > 0, 'auth-service logged it')

    const generated = await api.get('/api/records')
    assertError(t, generated, 401, 'UNAUTHORIZED', 'A bearer access token is required')
    const gid = generated.headers.get('x-request-id')!
    t.match(gid, GENERATED_ID, 'nginx generated an id')
    t.ok((await waitForLog(records, gid)).length > 0, 'the service logged the id nginx made')

    // The same ids the services keep (letters, digits, _ . : -, at most 128).
    const plain = `e2e_${'a'.repeat(100)}.b:c-D`
    const kept = await api.get('/api/records', { headers: { 'x-request-id': plain } })
    t.equal(kept.headers.get('x-request-id'), plain, 'an id with _ . : - is kept')
    t.equal(kept.body.error.requestId, plain)

    const unsafe = await api.get('/api/records', { headers: { 'x-request-id': 'not a plain id; <script>' } })
    assertError(t, unsafe, 401, 'UNAUTHORIZED', 'A bearer access token is required')
    t.match(unsafe.headers.get('x-request-id'), GENERATED_ID, 'an unsafe id is replaced')

    const long = await api.get('/api/records', { headers: { 'x-request-id': 'a'.repeat(129) } })
    t.match(long.headers.get('x-request-id'), GENERATED_ID, 'an overlong id is replaced')
  })

  t.test('X-Forwarded-For sent by a client is not trusted: the service records the gateway\'s address', async (t) => {
    const { tokens } = await api.login(DEMO.budi.email, DEMO.budi.password)
    // A second login (both steps) claiming another address.
    const spoofed = await api.login(DEMO.budi.email, DEMO.budi.password, { headers: { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'e2e-spoof' } })
    t.ok(spoofed.tokens.accessToken, 'signed in')
    const sessions = await api.get('/api/auth/sessions', { token: tokens.accessToken })
    t.equal(sessions.status, 200)
    const session = (sessions.body.data.items as Array<{ userAgent: string, ip: string }>).find((s) => s.userAgent === 'e2e-spoof')
    t.ok(session, 'the session of the spoofing login')
    t.not(session?.ip, '203.0.113.7', 'not the address the client claimed')
    t.equal(session?.ip, '127.0.0.1', 'the address the connection came from')
  })

  t.test('OpenAPI documents and the JWKS are reachable through the gateway', async (t) => {
    for (const path of ['/api/auth/docs/json', '/api/records/docs/json']) {
      const res = await api.get(path)
      t.equal(res.status, 200, path)
      t.match(res.headers.get('content-type') ?? '', /^application\/json/)
      t.match(res.body?.openapi, /^3\./, `${path} is an OpenAPI document`)
      t.type(res.body?.paths, 'object')
    }
    const jwks = await api.get('/.well-known/jwks.json')
    t.equal(jwks.status, 200)
    t.ok(jwks.body.keys.length >= 1)
    const live = await api.get('/health/live')
    t.equal(live.status, 200)
    t.strictSame(live.body, { success: true, data: { status: 'live' } })
  })

  t.test('/health/ready: both services ready; the services each saw the check under its request id', async (t) => {
    const id = newRequestId()
    const ready = await api.get('/health/ready', { headers: { 'x-request-id': id } })
    t.strictSame([ready.status, ready.body, ready.headers.get('x-request-id'), ready.headers.get('cache-control')], [200, { success: true, data: { status: 'ready' } }, id, 'no-store'])
    for (const service of [auth, records]) {
      const lines = await waitForLog(service, id, (line) => line.msg === 'request completed')
      const incoming = lines.find((line) => line.msg === 'incoming request')?.req as { url?: string } | undefined
      t.equal(incoming?.url, '/health/ready', `${service.name} answered its own /health/ready`)
    }
  })

  t.test('every process is still running', async (t) => {
    for (const proc of [auth.process, records.process, gateway.process]) {
      t.doesNotThrow(() => proc.assertRunning(), `${proc.name} is running`)
    }
    // Temp-path permissions or a bad directive show up here, not in the answers.
    t.strictSame(gateway.errorLog().split('\n').filter((line) => /\[(crit|alert|emerg)\]/.test(line)), [], 'nginx logged no critical errors')
  })

  t.test('an upstream down: 502 BAD_GATEWAY envelope; the other upstream still answers', async (t) => {
    await records.process.stop()
    const id = newRequestId()
    const res = await api.get('/api/records', { headers: { 'x-request-id': id } })
    assertError(t, res, 502, 'BAD_GATEWAY', 'The upstream service is unavailable')
    t.equal(res.body.error.requestId, id)
    assertError(t, await api.get('/api/doctors'), 502, 'BAD_GATEWAY', 'The upstream service is unavailable')

    const login = await api.post('/api/auth/login', DEMO.andi)
    t.equal(login.status, 200, 'auth-service is still reachable')

    const notReady = await api.get('/health/ready')
    t.strictSame([notReady.status, notReady.body.error.code, notReady.body.error.message], [503, 'SERVICE_UNAVAILABLE', 'records-service is not ready'], '/health/ready names records-service')
    t.equal((await api.get('/health/live')).status, 200, 'the gateway itself is still live')
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
