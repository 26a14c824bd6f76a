/**
 * Hostile input through both gateways: the real nginx with the committed template and the local
 * Node gateway (packages/launcher), in front of the same built services. Every refusal must be
 * the rekam error envelope with the documented status and code (never nginx's HTML, never a
 * library's body, never a 5xx), the two gateways must answer alike, and a refused write must
 * change nothing.
 */
import { randomBytes } from 'node:crypto'
import { connect, type AddressInfo } from 'node:net'
import { buildGateway } from '@rekam/launcher'
import t, { type Test } from 'tap'
import { DEMO, client, ensureBuilt, findNginx, startNginx, startServices, type Client } from '@rekam/testing/e2e'

const nginxBin = findNginx()

interface RawResponse {
  status: number
  headers: Map<string, string>
  body: any
  text: string
}

/**
 * One request written byte for byte on its own connection (no client library between: header
 * sizes, request lines and bodies are exactly as given). The connection is never half-closed:
 * a proxy would take that for a client gone away.
 */
function send (base: string, method: string, path: string, headers: Array<[string, string]> = [], body?: string | Buffer): Promise<RawResponse> {
  const url = new URL(base)
  const payload = typeof body === 'string' ? Buffer.from(body) : body
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    'Connection: close',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    ...(payload ? [`Content-Length: ${payload.length}`] : []),
    '',
    '',
  ].join('\r\n')
  const what = `${method} ${path.slice(0, 40)}`
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) })
    let received = Buffer.alloc(0)
    let done = false
    const finish = (error?: Error) => {
      if (done) return
      const res = parseResponse(received)
      if (!res && !error && !socket.destroyed) return
      done = true
      socket.destroy()
      if (res) resolve(res)
      else reject(error ?? new Error(`${what}: no complete HTTP answer (${received.length} bytes)`))
    }
    socket.setTimeout(20_000, () => finish(new Error(`${what}: no answer in 20 s`)))
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk])
      finish()
    })
    // A server that refuses early may reset the connection after its answer: the answer counts.
    socket.on('error', (err) => finish(err))
    socket.on('close', () => finish())
    socket.write(head)
    if (payload) socket.write(payload)
  })
}

/** The response in `raw` once it is complete (by Content-Length or the last chunk), else undefined. */
function parseResponse (raw: Buffer): RawResponse | undefined {
  const split = raw.indexOf('\r\n\r\n')
  if (split === -1) return undefined
  const [statusLine = '', ...lines] = raw.subarray(0, split).toString('latin1').split('\r\n')
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
  let rest = raw.subarray(split + 4)
  if (headers.get('transfer-encoding') === 'chunked') {
    const body = dechunk(rest)
    if (!body) return undefined
    rest = body
  } else {
    const length = Number(headers.get('content-length') ?? NaN)
    if (!(rest.length >= length)) return undefined
    rest = rest.subarray(0, length)
  }
  const text = rest.toString('utf8')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: Number(statusLine.split(' ')[1]), headers, body, text }
}

/** A chunked body decoded, or undefined while its last chunk has not arrived. */
function dechunk (data: Buffer): Buffer | undefined {
  const out: Buffer[] = []
  let at = 0
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd === -1) return undefined
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16)
    if (size === 0) return Buffer.concat(out)
    if (lineEnd + 2 + size > data.length) return undefined
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return undefined
}

const json = (body: string | Buffer) => ({ headers: [['Content-Type', 'application/json']] as Array<[string, string]>, body })

/** The rekam error envelope with one of these statuses and this code; nothing of a library in it. */
function assertEnvelope (t: Test, res: RawResponse, statuses: number | number[], code: string, label: string) {
  const allowed = ([] as number[]).concat(statuses)
  t.ok(allowed.includes(res.status), `${label}: status ${res.status} is one of ${allowed.join(', ')}`)
  t.match(res.headers.get('content-type') ?? '', /^application\/json/, `${label}: JSON`)
  t.match(res.body, { success: false, error: { code, message: String, requestId: String } }, `${label}: envelope with ${code}`)
  t.strictSame(Object.keys(res.body ?? {}).sort(), ['error', 'success'], `${label}: nothing but success and error`)
  t.equal(res.body?.error?.requestId, res.headers.get('x-request-id'), `${label}: requestId is the x-request-id header`)
  t.notMatch(res.text, /FST_|fast-?jwt|secure-json|node_modules|\bat \S+:\d+|<html|nginx/i, `${label}: no library text, stack or HTML`)
}

const uniqueName = () => `hostile${randomBytes(4).toString('hex')}`
const PASSWORD = 'orchid lantern quietly 42'

interface Gateway {
  name: string
  url: string
  api: Client
}

function main () {
  const gateways: Gateway[] = []
  let doctorToken: string
  let recordId: string

  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    // Every case registers its own users, through both gateways from one address.
    const { auth, records } = await startServices(t, { auth: { RATE_LIMIT_REGISTER: '1000' } })
    const nginx = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)
    const node = await buildGateway({ upstreams: { auth: auth.url, records: records.url }, logLevel: false })
    t.teardown(() => node.close())
    await node.listen({ host: '127.0.0.1', port: 0 })
    const nodeUrl = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`
    gateways.push({ name: 'nginx', url: nginx.url, api: client(nginx.url) }, { name: 'Node gateway', url: nodeUrl, api: client(nodeUrl) })

    const sari = await gateways[0]!.api.login(DEMO.sari.email, DEMO.sari.password)
    doctorToken = sari.tokens.accessToken
    const mine = await gateways[0]!.api.get(`/api/records?doctorId=${(await gateways[0]!.api.get('/api/doctors/me', { token: doctorToken })).body.data.doctor.id}`, { token: doctorToken })
    recordId = mine.body.data.items[0].id
  })

  for (const name of ['nginx', 'Node gateway']) {
    t.test(`through ${name}`, async (t) => {
      const gw = gateways.find((g) => g.name === name)!

      t.test('bodies: too large is 413, not JSON is 415', async (t) => {
        const huge = JSON.stringify({ email: 'x@example.com', password: 'y'.repeat(1536 * 1024) })
        assertEnvelope(t, await send(gw.url, 'POST', '/api/auth/login', json(huge).headers, huge), 413, 'PAYLOAD_TOO_LARGE', 'far over the limit')
        const large = JSON.stringify({ email: 'x@example.com', password: 'y'.repeat(200 * 1024) })
        assertEnvelope(t, await send(gw.url, 'POST', '/api/auth/login', json(large).headers, large), 413, 'PAYLOAD_TOO_LARGE', 'over the services\' 100 KiB, refused by the gateway')

        const login = `email=${encodeURIComponent(DEMO.andi.email)}&password=${DEMO.andi.password}`
        assertEnvelope(t, await send(gw.url, 'POST', '/api/auth/login', [['Content-Type', 'text/plain']], login), 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain')
        assertEnvelope(t, await send(gw.url, 'POST', '/api/auth/login', [['Content-Type', 'application/x-www-form-urlencoded']], login), 415, 'UNSUPPORTED_MEDIA_TYPE', 'a form')
        const boundary = `----rekam${randomBytes(6).toString('hex')}`
        const multipart = [
          `--${boundary}`, 'Content-Disposition: form-data; name="email"', '', DEMO.andi.email,
          `--${boundary}`, 'Content-Disposition: form-data; name="password"', '', DEMO.andi.password,
          `--${boundary}--`, '',
        ].join('\r\n')
        assertEnvelope(t, await send(gw.url, 'POST', '/api/auth/login', [['Content-Type', `multipart/form-data; boundary=${boundary}`]], multipart), 415, 'UNSUPPORTED_MEDIA_TYPE', 'multipart')
        assertEnvelope(t, await send(gw.url, 'POST', '/api/records', [['Content-Type', 'text/plain'], ['Authorization', `Bearer ${doctorToken}`]], 'a record'), 415, 'UNSUPPORTED_MEDIA_TYPE', 'text/plain to records-service')
      })

      t.test('a path parameter of 10 kB and 100 kB: 414 (or 400), enveloped', async (t) => {
        for (const size of [10_000, 100_000]) {
          for (const path of [`/api/records/${'a'.repeat(size)}`, `/api/users/${'b'.repeat(size)}`, `/nowhere/${'c'.repeat(size)}`]) {
            const res = await send(gw.url, 'GET', path, [['Authorization', `Bearer ${doctorToken}`]])
            assertEnvelope(t, res, [400, 414], 'BAD_REQUEST', `${path.slice(0, 14)}... (${size} bytes)`)
            t.ok(res.text.length < 1024, 'the URL is not echoed back')
          }
        }
        // Just past a service's 100-character param limit, well within the gateways' URL limit.
        assertEnvelope(t, await send(gw.url, 'GET', `/api/records/${'d'.repeat(101)}`, [['Authorization', `Bearer ${doctorToken}`]]), 400, 'BAD_REQUEST', '101-character param')
      })

      t.test('Authorization headers of 8, 16 and 64 KiB and many headers: 431 (or 400), enveloped', async (t) => {
        // Below the limit the header reaches the service, which refuses the token itself.
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records', [['Authorization', `Bearer ${'e'.repeat(6 * 1024)}`]]), 401, 'TOKEN_INVALID', '6 KiB')
        for (const size of [8 * 1024, 16 * 1024, 64 * 1024]) {
          assertEnvelope(t, await send(gw.url, 'GET', '/api/records', [['Authorization', `Bearer ${'f'.repeat(size)}`]]), [400, 431], 'BAD_REQUEST', `${size / 1024} KiB`)
        }
        const many = (count: number) => Array.from({ length: count }, (_, i) => [`X-Hostile-${i}`, 'v'.repeat(16)] as [string, string])
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records', many(100)), 401, 'UNAUTHORIZED', '100 headers pass')
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records', many(1000)), [400, 431], 'BAD_REQUEST', '1000 headers')
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records', many(5000)), [400, 431], 'BAD_REQUEST', '5000 headers')
      })

      t.test('a request that is not HTTP: 400, enveloped', async (t) => {
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records with spaces'), 400, 'BAD_REQUEST', 'spaces in the request line')
        assertEnvelope(t, await send(gw.url, 'GET', '/api/records', [['Bad Header', 'x']]), 400, 'BAD_REQUEST', 'a space in a header name')
      })

      t.test('prototype poisoning: 400 on register, profile and records; nothing changes', async (t) => {
        const username = uniqueName()
        const account = `"username":"${username}","email":"${username}@example.com","password":"${PASSWORD}"`
        const poisons = [
          '"__proto__":{"role":"ADMIN"}',
          '"constructor":{"prototype":{"role":"ADMIN"}}',
          '"fullName":"x","nested":{"__proto__":{"role":"ADMIN"}}',
        ]
        for (const poison of poisons) {
          const res = await send(gw.url, 'POST', '/api/auth/register', json(`{${account},${poison}}`).headers, `{${account},${poison}}`)
          assertEnvelope(t, res, 400, 'BAD_REQUEST', `register with ${poison}`)
        }
        const login = await gw.api.post('/api/auth/login', { username, password: PASSWORD })
        t.equal(login.status, 401, 'no account was created')

        const reg = await gw.api.post('/api/auth/register', { username, email: `${username}@example.com`, password: PASSWORD, fullName: 'Before' })
        t.equal(reg.status, 201)
        const token = reg.body.data.tokens.accessToken as string
        const bearer: [string, string] = ['Authorization', `Bearer ${token}`]
        for (const poison of poisons) {
          const body = `{"fullName":"After",${poison}}`
          assertEnvelope(t, await send(gw.url, 'PUT', '/api/auth/profile', [...json(body).headers, bearer], body), 400, 'BAD_REQUEST', `profile with ${poison}`)
          const patient = `{"fullName":"After","dateOfBirth":"1990-01-01",${poison}}`
          assertEnvelope(t, await send(gw.url, 'PUT', '/api/patients/me', [...json(patient).headers, bearer], patient), 400, 'BAD_REQUEST', `patient profile with ${poison}`)
          const record = `{"diagnosis":"Poisoned",${poison}}`
          assertEnvelope(t, await send(gw.url, 'PATCH', `/api/records/${recordId}`, [...json(record).headers, ['Authorization', `Bearer ${doctorToken}`]], record), 400, 'BAD_REQUEST', `record update with ${poison}`)
        }
        const me = await gw.api.get('/api/auth/me', { token })
        t.match(me.body.data.user, { fullName: 'Before', role: 'PATIENT' }, 'the account is unchanged')
        t.equal((await gw.api.get('/api/patients/me', { token })).status, 404, 'no patient profile was created')
        const record = await gw.api.get(`/api/records/${recordId}`, { token: doctorToken })
        t.not(record.body.data.record.diagnosis, 'Poisoned', 'the record is unchanged')
      })

      t.test('duplicate keys: the last one wins, as JSON.parse reads them; a refused key is refused either way', async (t) => {
        const username = uniqueName()
        const reg = await gw.api.post('/api/auth/register', { username, email: `${username}@example.com`, password: PASSWORD })
        const bearer: [string, string] = ['Authorization', `Bearer ${reg.body.data.tokens.accessToken}`]
        const body = '{"fullName":"First","fullName":"Second"}'
        const res = await send(gw.url, 'PUT', '/api/auth/profile', [...json(body).headers, bearer], body)
        t.equal(res.status, 200)
        t.equal(res.body.data.user.fullName, 'Second')
        const role = '{"fullName":"Third","role":"PATIENT","role":"ADMIN"}'
        const refused = await send(gw.url, 'PUT', '/api/auth/profile', [...json(role).headers, bearer], role)
        assertEnvelope(t, refused, 400, 'VALIDATION_ERROR', 'a duplicated unknown key')
        const me = await send(gw.url, 'GET', '/api/auth/me', [bearer])
        t.match(me.body.data.user, { fullName: 'Second', role: 'PATIENT' })
      })

      t.test('10,000 levels of nesting: 400, and the service goes on answering', async (t) => {
        const arrays = `{"fullName":${'['.repeat(10_000)}${']'.repeat(10_000)}}`
        const objects = `{"fullName":"x","a":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`
        const poisonedDeep = `{"fullName":"x","a":${'{"a":'.repeat(10_000)}{"__proto__":{}}${'}'.repeat(10_000)}}`
        const { body } = await gw.api.post('/api/auth/register', { username: uniqueName(), email: `${uniqueName()}@example.com`, password: PASSWORD })
        const bearer: [string, string] = ['Authorization', `Bearer ${body.data.tokens.accessToken}`]
        for (const [label, payload] of [['arrays', arrays], ['objects', objects]]) {
          assertEnvelope(t, await send(gw.url, 'PUT', '/api/auth/profile', [...json(payload!).headers, bearer], payload), 400, 'VALIDATION_ERROR', `nested ${label}`)
          assertEnvelope(t, await send(gw.url, 'PUT', '/api/patients/me', [...json(payload!).headers, bearer], payload), 400, 'VALIDATION_ERROR', `nested ${label} to records-service`)
        }
        assertEnvelope(t, await send(gw.url, 'PUT', '/api/auth/profile', [...json(poisonedDeep).headers, bearer], poisonedDeep), 400, 'BAD_REQUEST', '__proto__ 10,000 levels down')
        t.equal((await send(gw.url, 'GET', '/api/auth/me', [bearer])).status, 200, 'auth-service still answers')
        t.equal((await send(gw.url, 'GET', '/api/patients/me', [bearer])).status, 404, 'records-service still answers')
      })

      t.test('invalid UTF-8 in a JSON body: 400, nothing stored', async (t) => {
        const username = uniqueName()
        const reg = await gw.api.post('/api/auth/register', { username, email: `${username}@example.com`, password: PASSWORD, fullName: 'Valid' })
        const bearer: [string, string] = ['Authorization', `Bearer ${reg.body.data.tokens.accessToken}`]
        for (const bytes of [[0xff, 0xfe], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
          const body = Buffer.concat([Buffer.from('{"fullName":"In'), Buffer.from(bytes), Buffer.from('valid"}')])
          assertEnvelope(t, await send(gw.url, 'PUT', '/api/auth/profile', [...json(body).headers, bearer], body), 400, 'BAD_REQUEST', `bytes ${Buffer.from(bytes).toString('hex')}`)
        }
        const me = await send(gw.url, 'GET', '/api/auth/me', [bearer])
        t.equal(me.body.data.user.fullName, 'Valid', 'the name is unchanged')
        // Valid multi-byte UTF-8 is of course accepted.
        const ok = Buffer.from('{"fullName":"Ñoño Dewi Ayu 王"}')
        const res = await send(gw.url, 'PUT', '/api/auth/profile', [...json(ok).headers, bearer], ok)
        t.equal(res.status, 200)
        t.equal(res.body.data.user.fullName, 'Ñoño Dewi Ayu 王')
      })
    })
  }

  t.test('the two gateways answer every refusal with the same status', async (t) => {
    const cases: Array<[string, string, Array<[string, string]>]> = [
      ['GET', `/api/records/${'a'.repeat(10_000)}`, []],
      ['GET', `/api/records/${'a'.repeat(100_000)}`, []],
      ['GET', '/api/records', [['Authorization', `Bearer ${'f'.repeat(8 * 1024)}`]]],
      ['GET', '/api/records', [['Authorization', `Bearer ${'f'.repeat(64 * 1024)}`]]],
      ['GET', '/api/records', Array.from({ length: 1000 }, (_, i) => [`X-Hostile-${i}`, 'v'.repeat(16)] as [string, string])],
      ['GET', '/api/records with spaces', []],
    ]
    for (const [method, path, headers] of cases) {
      const [viaNginx, viaNode] = await Promise.all(gateways.map((gw) => send(gw.url, method, path, headers)))
      t.equal(viaNginx!.status, viaNode!.status, `${path.slice(0, 24)} with ${headers.length} headers: nginx ${viaNginx!.status}, Node gateway ${viaNode!.status}`)
      t.equal(viaNginx!.body?.error?.message, viaNode!.body?.error?.message, 'and the same message')
    }
  })
}

// CI has nginx and must run these; elsewhere a machine without it skips them.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests')
else main()
