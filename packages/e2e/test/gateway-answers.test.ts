/**
 * What the gateways answer themselves (404, 413, 502, 504, their health) carries the headers the
 * services put on theirs, /health/ready says which service is not ready, and a body trickled a
 * byte at a time meets a deadline for the whole request. Both
 * gateways: the real nginx with the committed template and the local Node gateway, in front of
 * the built services, an upstream that is down and one that never answers.
 */
import { createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { buildGateway } from '@rekam/launcher'
import { HSTS } from '@rekam/server-kit'
import t, { type Test } from 'tap'
import { ensureBuilt, findNginx, freePort, startNginx, startServices, type RunningService } from '@rekam/testing/e2e'
import { send, trickle, type RawAnswer } from './helpers/raw-http.js'

const nginxBin = findNginx()

/** The services' deadline for a whole request in this test (REQUEST_TIMEOUT), in seconds. */
const REQUEST_TIMEOUT = 2

interface Gateways {
  /** auth-service behind it, and a records upstream that accepts connections and never answers. */
  live: string
  /** Nothing listening behind it. */
  dead: string
}

/** An upstream that takes every connection and never answers, closed when the test ends. */
async function silentUpstream (t: Test): Promise<string> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => { sockets.add(socket) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    for (const socket of sockets) socket.destroy()
    server.close()
  })
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** The error envelope exactly, its requestId the header's. */
function assertEnvelope (t: Test, res: RawAnswer, status: number, code: string, message: string) {
  t.equal(res.status, status, `status ${status}`)
  t.strictSame(res.body, { success: false, error: { code, message, requestId: res.headers['x-request-id'] } }, `${code} envelope`)
}

function main () {
  let auth: RunningService
  let hsts: string
  const gateways: Record<'nginx' | 'node', Gateways> = { nginx: { live: '', dead: '' }, node: { live: '', dead: '' } }

  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    ;({ auth } = await startServices(t, { auth: { REQUEST_TIMEOUT: String(REQUEST_TIMEOUT) }, records: { REQUEST_TIMEOUT: String(REQUEST_TIMEOUT) } }))
    const silent = await silentUpstream(t)
    const nowhere = `127.0.0.1:${await freePort()}`
    // A short read timeout: the 504 comes after a second, not the template's 30.
    gateways.nginx.live = (await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: silent }, nginxBin, { upstreamReadTimeout: '1s' })).url
    gateways.nginx.dead = (await startNginx(t, { auth: nowhere, records: nowhere }, nginxBin)).url
    for (const [name, upstreams] of [['live', { auth: auth.url, records: `http://${silent}` }], ['dead', { auth: `http://${nowhere}`, records: `http://${nowhere}` }]] as const) {
      const gateway = await buildGateway({ upstreams, upstreamTimeoutMs: 1000, logLevel: false })
      t.teardown(() => gateway.close())
      gateways.node[name] = await gateway.listen({ port: 0, host: '127.0.0.1' })
    }
    // The services' own value, which the gateways must repeat (they send it only over HTTPS).
    hsts = HSTS
  })

  t.test('node: a token in a query string never reaches its log', async (t) => {
    const lines: string[] = []
    const gateway = await buildGateway({ upstreams: { auth: auth.url, records: auth.url }, logLevel: 'trace', logStream: { write: (line) => { lines.push(line) } } })
    t.teardown(() => gateway.close())
    const base = await gateway.listen({ port: 0, host: '127.0.0.1' })
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJxdWVyeS1jYW5hcnkifQ.cXVlcnktY2FuYXJ5LXNpZ25hdHVyZQ'
    const res = await send(base, 'GET', `/api/auth/me?access_token=${token}`)
    t.equal(res.status, 401, 'the service reads tokens only from the header')
    const urls = lines.map((line) => JSON.parse(line) as { req?: { url?: string } }).map((entry) => entry.req?.url).filter(Boolean)
    t.strictSame(urls, ['/api/auth/me?access_token=[redacted]'], 'the request is logged, its query value redacted')
    t.notMatch(lines.join(''), /eyJ|cXVlcnktY2FuYXJ5/, 'no part of the token, at trace level either')
  })

  for (const kind of ['nginx', 'node'] as const) {
    t.test(`${kind}: its own answers carry nosniff, no-store and, over HTTPS, HSTS`, async (t) => {
      const { live, dead } = gateways[kind]
      const answers: Array<[string, () => Promise<RawAnswer>, number, string, string]> = [
        ['unknown route', () => send(live, 'GET', '/nowhere'), 404, 'NOT_FOUND', kind === 'nginx' ? 'Route not found' : 'Route GET /nowhere not found'],
        ['readiness subrequest path (internal to nginx)', () => send(live, 'GET', '/.rekam-ready/auth'), 404, 'NOT_FOUND', kind === 'nginx' ? 'Route not found' : 'Route GET /.rekam-ready/auth not found'],
        ['body too large', () => send(live, 'POST', '/api/auth/login', {}, 200 * 1024), 413, 'PAYLOAD_TOO_LARGE', kind === 'nginx' ? 'Request body is too large' : 'Request body is larger than 102400 bytes'],
        ['upstream down', () => send(dead, 'GET', '/api/auth/me'), 502, 'BAD_GATEWAY', 'The upstream service is unavailable'],
        ['upstream silent', () => send(live, 'GET', '/api/records'), 504, 'GATEWAY_TIMEOUT', 'The upstream service did not answer in time'],
      ]
      for (const [what, call, status, code, message] of answers) {
        t.test(what, async (t) => {
          const plain = await call()
          assertEnvelope(t, plain, status, code, message)
          t.equal(plain.headers['x-content-type-options'], 'nosniff')
          t.equal(plain.headers['cache-control'], 'no-store')
          t.equal(plain.headers.pragma, 'no-cache')
          t.equal(plain.headers['strict-transport-security'], undefined, 'no HSTS over plain HTTP')
        })
      }
      t.test('over HTTPS (a TLS terminator in front says so), HSTS too, the services\' value', async (t) => {
        const secure = await send(live, 'GET', '/nowhere', { 'x-forwarded-proto': 'https' })
        t.equal(secure.status, 404)
        t.equal(secure.headers['strict-transport-security'], hsts)
        t.match(hsts, /^max-age=\d+/)
        const down = await send(dead, 'GET', '/api/auth/me', { 'x-forwarded-proto': 'https, http' })
        t.equal(down.status, 502)
        t.equal(down.headers['strict-transport-security'], hsts, 'the first forwarded value counts')
        const plain = await send(live, 'GET', '/nowhere', { 'x-forwarded-proto': 'http' })
        t.equal(plain.headers['strict-transport-security'], undefined)
      })
      t.test('a service\'s answer keeps its own headers', async (t) => {
        const jwks = await send(live, 'GET', '/.well-known/jwks.json')
        t.equal(jwks.status, 200)
        t.equal(jwks.headers['cache-control'], 'public, max-age=60', 'not the gateway\'s no-store')
        t.equal(jwks.headers.pragma, undefined)
      })
    })

    t.test(`${kind}: /health/live is the gateway's own; /health/ready names the first service that is not ready`, async (t) => {
      const { live, dead } = gateways[kind]
      for (const base of [live, dead]) {
        const alive = await send(base, 'GET', '/health/live', { 'x-request-id': 'health-live-1' })
        t.strictSame([alive.status, alive.body, alive.headers['x-request-id']], [200, { success: true, data: { status: 'live' } }, 'health-live-1'], 'live while its services are down or silent')
      }
      // Both down: auth-service is named, as the first asked.
      const down = await send(dead, 'GET', '/health/ready', { 'x-request-id': 'health-ready-1' })
      t.strictSame([down.status, down.body], [503, { success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'auth-service is not ready', requestId: 'health-ready-1' } }])
      t.match(down.headers, { 'retry-after': '5', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', pragma: 'no-cache', 'x-request-id': 'health-ready-1' })
      // auth-service ready, records-service never answering: not ready after the 3 s wait, no longer.
      const started = Date.now()
      const silent = await send(live, 'GET', '/health/ready', { 'x-forwarded-proto': 'https' })
      const waited = Date.now() - started
      assertEnvelope(t, silent, 503, 'SERVICE_UNAVAILABLE', 'records-service is not ready')
      t.equal(silent.headers['retry-after'], '5')
      t.equal(silent.headers['strict-transport-security'], hsts, 'HSTS over HTTPS, as on the other own answers')
      t.ok(waited >= 2500 && waited < 6000, `gave up on the silent service after about 3 s (${waited} ms)`)
    })

    t.test(`${kind}: a body trickled a byte at a time is cut off at the services' deadline`, async (t) => {
      // One byte every 200 ms never lets a per-read timeout fire; only a total deadline ends it.
      const res = await trickle(gateways[kind].live, '/api/auth/login', { length: 1000, everyMs: 200, giveUpMs: 10_000 })
      t.ok(res.closedAfterMs !== undefined, `the connection was closed (${res.bytesSent} bytes sent)`)
      t.ok((res.closedAfterMs ?? Infinity) >= REQUEST_TIMEOUT * 1000 - 500, `not before the deadline (${res.closedAfterMs} ms)`)
      t.ok((res.closedAfterMs ?? Infinity) <= REQUEST_TIMEOUT * 1000 + 2500, 'soon after it')
      t.equal(res.statusLine, 'HTTP/1.1 408 Request Timeout')
      t.strictSame(res.body, { success: false, error: { code: 'BAD_REQUEST', message: 'The request took too long to arrive', requestId: res.body?.error?.requestId } })
      t.match(res.body?.error?.requestId, /^[0-9a-f-]{36}$/)
    })
  }
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
