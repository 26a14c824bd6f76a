import { connect, type AddressInfo } from 'node:net'
import Fastify, { type FastifyInstance } from 'fastify'
import t from 'tap'
import { errorsPlugin } from '@rekam/errors'
import { requestIdPlugin, serverOptions, validationPlugin } from '../src/index.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A listening app with the shared server options, its log lines captured as text. */
async function listening (t: { teardown (fn: () => unknown): void }) {
  let logs = ''
  const app: FastifyInstance = Fastify(serverOptions({ logLevel: 'trace', logStream: { write: (line) => { logs += line } } }))
  t.teardown(() => app.close())
  await app.register(errorsPlugin)
  await app.register(validationPlugin)
  await app.register(requestIdPlugin)
  app.get('/records/:id', async (request) => request.params)
  app.put('/profile', { schema: { body: { type: 'object', properties: { fullName: { type: 'string' } }, additionalProperties: false } } }, async (request) => request.body)
  await app.listen({ host: '127.0.0.1', port: 0 })
  return { port: (app.server.address() as AddressInfo).port, logs: () => logs }
}

/** Writes `request` as is and reads the whole answer (the server closes after a refusal). */
function raw (port: number, request: string | Buffer): Promise<{ status: number, head: string, body: any }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (err) => { if (chunks.length === 0) reject(err) })
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const split = text.indexOf('\r\n\r\n')
      let body: unknown
      try {
        body = JSON.parse(text.slice(split + 4))
      } catch {}
      resolve({ status: Number(text.split(' ')[1]), head: text.slice(0, split), body })
    })
    socket.write(request)
  })
}

const get = (path: string, headers = '') => `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${headers}\r\n`

t.test('what Node\'s HTTP parser refuses is answered in the envelope, and never logged raw', async (t) => {
  const { port, logs } = await listening(t)
  const canary = `canary${'Q'.repeat(20)}`
  const cases: Array<[string, string, number, string]> = [
    ['a header block over 32 KiB', get('/records/1', `Authorization: Bearer ${canary}${'x'.repeat(40 * 1024)}\r\n`), 431, 'The request headers are too large'],
    ['many headers', get('/records/1', Array.from({ length: 2000 }, (_, i) => `X-${i}: ${canary}\r\n`).join('')), 431, 'The request headers are too large'],
    ['a URL over 32 KiB', get(`/records/${'u'.repeat(40 * 1024)}`, `Authorization: Bearer ${canary}\r\n`), 414, 'The request URL is too long'],
    ['not HTTP', `GET /records/1 with spaces HTTP/1.1\r\nAuthorization: Bearer ${canary}\r\n\r\n`, 400, 'The request is not valid HTTP'],
    ['a bad header name', get('/records/1', `Bad Header: ${canary}\r\n`), 400, 'The request is not valid HTTP'],
  ]
  for (const [label, request, status, message] of cases) {
    const res = await raw(port, request)
    t.equal(res.status, status, `${label}: ${status}`)
    t.match(res.head, /\r\ncontent-type: application\/json; charset=utf-8\r\n/i, `${label}: JSON`)
    t.match(res.head, /\r\ncache-control: no-store\r\n/i)
    t.match(res.head, /\r\npragma: no-cache\r\n/i)
    t.strictSame(res.body, { success: false, error: { code: 'BAD_REQUEST', message, requestId: res.body?.error?.requestId } }, `${label}: the envelope`)
    t.match(res.body?.error?.requestId, UUID)
    t.match(res.head, new RegExp(`\r\nx-request-id: ${res.body?.error?.requestId}\r\n`, 'i'), `${label}: the id in the header too`)
  }
  const lines = logs().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
  t.equal(lines.filter((line) => line.parserCode).length, cases.length, 'each refusal is logged once, by the parser\'s code')
  t.notOk(logs().includes(canary), 'the request\'s headers are not in the logs')
  t.notMatch(logs(), /rawPacket|"data":\[/, 'nor its raw bytes')
})

t.test('a path parameter past maxParamLength is a 400 envelope without the path', async (t) => {
  const { port } = await listening(t)
  const res = await raw(port, get(`/records/${'p'.repeat(5000)}`))
  t.equal(res.status, 400)
  t.match(res.body, { success: false, error: { code: 'BAD_REQUEST', requestId: String } })
  t.notMatch(JSON.stringify(res.body), /ppppp/, 'the path is not echoed')
})

t.test('JSON bodies: invalid UTF-8, __proto__ and constructor.prototype are 400 BAD_REQUEST', async (t) => {
  const { port } = await listening(t)
  const put = (body: Buffer | string) => {
    const bytes = Buffer.from(body)
    return Buffer.concat([Buffer.from(`PUT /profile HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`), bytes])
  }
  const refused: Array<[string, Buffer | string, string]> = [
    ['a lone continuation byte', Buffer.concat([Buffer.from('{"fullName":"a'), Buffer.from([0x80]), Buffer.from('"}')]), 'The request body is not valid UTF-8'],
    ['an overlong encoding', Buffer.concat([Buffer.from('{"fullName":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), 'The request body is not valid UTF-8'],
    ['a UTF-16 surrogate', Buffer.concat([Buffer.from('{"fullName":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), 'The request body is not valid UTF-8'],
    ['__proto__', '{"fullName":"a","__proto__":{"admin":true}}', 'The request body has a forbidden key (__proto__ or constructor.prototype)'],
    ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}', 'The request body has a forbidden key (__proto__ or constructor.prototype)'],
    ['malformed JSON', '{"fullName":', 'The request body is not valid JSON'],
  ]
  for (const [label, body, message] of refused) {
    const res = await raw(port, put(body))
    t.equal(res.status, 400, label)
    t.match(res.body, { success: false, error: { code: 'BAD_REQUEST', message } }, label)
  }
  const ok = await raw(port, put('\ufeff{"fullName":"Dewi Ayu 王 ✓"}'))
  t.equal(ok.status, 200, 'valid UTF-8, with a byte-order mark, is read')
  t.strictSame(ok.body, { fullName: 'Dewi Ayu 王 ✓' })
})
