/**
 * Hostile input through both gateways: the real nginx with the committed template and the local
 * Node gateway (packages/launcher), in front of the same built services. Every refusal must be
 * the rekam error envelope with the documented status and code (never nginx's HTML, never a
 * library's body, never a 5xx), the two gateways must answer alike, and a refused write must
 * change nothing.
 */
import { randomBytes } from 'node:crypto'
import t from 'tap'
import { DEMO, ensureBuilt, findNginx, startServices } from '@rekam/testing/e2e'
import { json, send } from './helpers/byte-request.js'
import { assertEnvelope } from './helpers/gateway-assert.js'
import { startTwoGateways, type Gateway } from './helpers/two-gateways.js'

const nginxBin = findNginx()

const uniqueName = () => `hostile${randomBytes(4).toString('hex')}`
const PASSWORD = 'orchid lantern quietly 42'

function main () {
  const gateways: Gateway[] = []
  let doctorToken: string
  let recordId: string

  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    // Every case registers its own users, through both gateways from one address.
    const { auth, records } = await startServices(t, { auth: { RATE_LIMIT_REGISTER: '1000' } })
    gateways.push(...await startTwoGateways(t, auth, records, nginxBin))

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
