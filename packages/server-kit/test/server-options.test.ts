import type { IncomingMessage } from 'node:http'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { pino, type LoggerOptions } from 'pino'
import t from 'tap'
import { redactedUrl, redactPaths, requestIdFrom, requestIdPlugin, serverOptions } from '../src/index.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** requestIdFrom only reads headers, so a message with just headers is a faithful input. */
const withHeaders = (headers: IncomingMessage['headers']) => ({ headers }) as IncomingMessage

/** Collects what pino writes, one parsed JSON line per entry. */
function captureStream () {
  const lines: Array<Record<string, any>> = []
  const stream = new Writable({
    write (chunk, _encoding, callback) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line))
      callback()
    },
  })
  return { stream, lines }
}

t.test('requestIdFrom', async (t) => {
  t.test('keeps short plain incoming ids', async (t) => {
    for (const id of ['abc-123', 'gw.1:2_x', 'A', 'x'.repeat(128), '2f1c3f0e-5b1a-4c1e-9a55-0d0f3b2a1c9e']) {
      t.equal(requestIdFrom(withHeaders({ 'x-request-id': id })), id, `keeps ${id.slice(0, 20)}`)
    }
  })

  t.test('replaces unsafe or oversized ids by a uuid', async (t) => {
    for (const id of ['has space', 'line\nbreak', 'cr\r\nlf', 'tab\there', 'x'.repeat(129), '', '<script>', 'a/b', 'é']) {
      const result = requestIdFrom(withHeaders({ 'x-request-id': id }))
      t.match(result, UUID, `replaces ${JSON.stringify(id.slice(0, 20))}`)
      t.not(result, id)
    }
  })

  t.test('a missing header gets a fresh uuid each time', async (t) => {
    const first = requestIdFrom(withHeaders({}))
    const second = requestIdFrom(withHeaders({}))
    t.match(first, UUID)
    t.match(second, UUID)
    t.not(first, second)
  })

  t.test('is the server\'s genReqId, echoed by requestIdPlugin', async (t) => {
    const app = Fastify(serverOptions({ logLevel: false }))
    t.teardown(() => app.close())
    await app.register(requestIdPlugin)
    app.get('/id', async (request) => ({ id: request.id }))
    await app.ready()

    const kept = await app.inject({ method: 'GET', url: '/id', headers: { 'x-request-id': 'gateway-42' } })
    t.equal(kept.statusCode, 200)
    t.strictSame(kept.json(), { id: 'gateway-42' })
    t.equal(kept.headers['x-request-id'], 'gateway-42')

    const replaced = await app.inject({ method: 'GET', url: '/id', headers: { 'x-request-id': 'forged id with spaces' } })
    t.match(replaced.json().id, UUID)
    t.equal(replaced.headers['x-request-id'], replaced.json().id)
  })
})

t.test('redaction', async (t) => {
  const loggerOptions = serverOptions({ logLevel: 'info' }).logger as LoggerOptions
  t.strictSame(loggerOptions.redact, { paths: redactPaths, censor: '[redacted]' }, 'serverOptions redacts with redactPaths')

  const { stream, lines } = captureStream()
  // The redaction paths alone: the req serializer (tested below) keeps no headers at all.
  const logger = pino({ ...loggerOptions, serializers: {} }, stream)

  t.test('request headers', async (t) => {
    logger.info({
      req: { method: 'GET', headers: { authorization: 'Bearer eyJsecret', cookie: 'sid=secret', 'x-internal-secret': 'secret', accept: 'application/json' } },
      res: { headers: { 'set-cookie': 'sid=secret', 'content-type': 'application/json' } },
    }, 'request')
    const entry = lines.at(-1)!
    t.strictSame(entry.req.headers, { authorization: '[redacted]', cookie: '[redacted]', 'x-internal-secret': '[redacted]', accept: 'application/json' })
    t.strictSame(entry.res.headers, { 'set-cookie': '[redacted]', 'content-type': 'application/json' })
  })

  t.test('passwords and tokens, at the top level and one level down', async (t) => {
    logger.info({
      password: 'hunter2',
      refreshToken: 'rt-top',
      accessToken: 'at-top',
      body: {
        username: 'alice',
        password: 'hunter2',
        currentPassword: 'old',
        newPassword: 'new',
        refreshToken: 'rt-body',
        accessToken: 'at-body',
      },
      user: { id: 'u1', passwordHash: '$2b$10$hash' },
      key: { kid: 'k1', privateKey: '-----BEGIN PRIVATE KEY-----' },
      reset: { token: 'reset-token' },
    }, 'payload')
    const entry = lines.at(-1)!
    t.equal(entry.password, '[redacted]')
    t.equal(entry.refreshToken, '[redacted]')
    t.equal(entry.accessToken, '[redacted]')
    t.strictSame(entry.body, {
      username: 'alice',
      password: '[redacted]',
      currentPassword: '[redacted]',
      newPassword: '[redacted]',
      refreshToken: '[redacted]',
      accessToken: '[redacted]',
    })
    t.strictSame(entry.user, { id: 'u1', passwordHash: '[redacted]' })
    t.strictSame(entry.key, { kid: 'k1', privateKey: '[redacted]' })
    t.strictSame(entry.reset, { token: '[redacted]' })
    t.notMatch(JSON.stringify(lines), /hunter2|rt-top|rt-body|at-top|at-body|\$2b\$|PRIVATE KEY|reset-token|eyJsecret|sid=secret/)
  })

  t.test('a Fastify server built with serverOptions redacts what a route logs', async (t) => {
    const capture = captureStream()
    const options = serverOptions({ logLevel: 'info' })
    const app = Fastify({ ...options, logger: { ...(options.logger as object), stream: capture.stream } })
    t.teardown(() => app.close())
    app.post('/login', async (request) => {
      request.log.info({ body: request.body }, 'login attempt')
      return { ok: true }
    })
    const res = await app.inject({ method: 'POST', url: '/login', payload: { username: 'alice', password: 'hunter2' } })
    t.equal(res.statusCode, 200)
    const entry = capture.lines.find((line) => line.msg === 'login attempt')
    t.strictSame(entry?.body, { username: 'alice', password: '[redacted]' })
    t.notMatch(JSON.stringify(capture.lines), /hunter2/)
  })
})

t.test('query strings in request logs', async (t) => {
  t.test('every value is redacted, plain names are kept', async (t) => {
    const cases: Array<[string, string]> = [
      ['/api/records', '/api/records'],
      ['/api/records?', '/api/records?'],
      ['/api/auth/me?access_token=eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl', '/api/auth/me?access_token=[redacted]'],
      ['/api/patients?search=Siti&page=2', '/api/patients?search=[redacted]&page=[redacted]'],
      ['/x?flag', '/x?flag=[redacted]'],
      ['/x?eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', '/x?[redacted]=[redacted]'],
      ['/x?a=1&&b=', '/x?a=[redacted]&[redacted]=[redacted]&b=[redacted]'],
      ['/x?a=1=2#frag', '/x?a=[redacted]'],
    ]
    for (const [url, logged] of cases) t.equal(redactedUrl(url), logged, url)
  })

  t.test('a server built with serverOptions logs the request with its query values redacted', async (t) => {
    const capture = captureStream()
    const app = Fastify(serverOptions({ logLevel: 'info', logStream: capture.stream }))
    t.teardown(() => app.close())
    app.get('/me', async () => ({ ok: true }))
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ'
    const res = await app.inject({ method: 'GET', url: `/me?access_token=${token}&page=1`, remoteAddress: '203.0.113.9' })
    t.equal(res.statusCode, 200)
    const incoming = capture.lines.find((line) => line.msg === 'incoming request')
    t.strictSame(incoming?.req, { method: 'GET', url: '/me?access_token=[redacted]&page=[redacted]', host: 'localhost:80', remoteAddress: '203.0.113.9' })
    t.notMatch(JSON.stringify(capture.lines), /eyJ|c2lnbmF0dXJl/)
  })
})
