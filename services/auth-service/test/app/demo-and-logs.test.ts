import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { assertError, createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { seedDemoAccounts } from '../../src/services/demo-accounts.js'
import { bearer, buildTestApp, login, testEnv } from '../helper.js'
import { demoSignIn } from '../mfa.js'

/** The demo accounts exactly as DESIGN.md documents them. */
const DOCUMENTED = [
  { email: 'admin@rekam.local', password: 'admin-demo-123', role: 'ADMIN' },
  { email: 'dr.sari@rekam.local', password: 'doctor-demo-123', role: 'DOCTOR' },
  { email: 'dr.budi@rekam.local', password: 'doctor-demo-123', role: 'DOCTOR' },
  { email: 'andi@rekam.local', password: 'patient-demo-123', role: 'PATIENT' },
  { email: 'siti@rekam.local', password: 'patient-demo-123', role: 'PATIENT' },
]

/** A log destination that keeps every line. */
function captureLogs () {
  const lines: string[] = []
  return {
    stream: { write: (line: string) => { lines.push(line) } },
    text: () => lines.join(''),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())

t.test('demo mode', async (t) => {
  const database = await createTestDatabase(t)
  const env = testEnv(database, { DEMO_MODE: 'true' })

  const firstLogs = captureLogs()
  const first = await buildApp({ logLevel: 'info', logStream: firstLogs.stream, env })
  t.teardown(() => first.close())
  await first.ready()

  t.test('creates the five documented accounts on ready, each with its password and role', async (t) => {
    for (const account of DOCUMENTED) {
      const res = await demoSignIn(first, account.email, account.password)
      t.equal(res.statusCode, 200, account.email)
      const { user, tokens } = res.json().data
      t.match(user, { email: account.email, role: account.role, blocked: false }, account.email)
      t.equal(claimsOf(tokens.accessToken).role, account.role, `${account.email}: token role`)
    }
    const admin = (await demoSignIn(first, 'admin@rekam.local', 'admin-demo-123')).json().data.tokens.accessToken
    const list = await first.inject({ method: 'GET', url: '/api/users?limit=100', headers: bearer(admin) })
    t.equal(list.statusCode, 200)
    t.equal(list.json().data.total, 5, 'nothing but the demo accounts')
    t.strictSame(list.json().data.items.map((u: { email: string }) => u.email).sort(), DOCUMENTED.map((a) => a.email).sort())
  })

  t.test('announces the accounts without their passwords', async (t) => {
    const notice = firstLogs.entries().find((e) => String(e.msg).startsWith('DEMO MODE'))
    t.match(notice, { level: 40, created: 5, accounts: DOCUMENTED.map((a) => `${a.email} (${a.role})`) })
    t.notMatch(firstLogs.text(), /demo-123|\$2[aby]\$/)
  })

  t.test('the seed is idempotent: a second app on the same database creates none', async (t) => {
    const secondLogs = captureLogs()
    const second = await buildApp({ logLevel: 'info', logStream: secondLogs.stream, env })
    t.teardown(() => second.close())
    await second.ready()
    const notice = secondLogs.entries().find((e) => String(e.msg).startsWith('DEMO MODE'))
    t.match(notice, { created: 0 })
    t.equal(await seedDemoAccounts(second), 0, 'seeding again creates none')

    const admin = (await demoSignIn(second, 'admin@rekam.local', 'admin-demo-123')).json().data.tokens.accessToken
    const list = await second.inject({ method: 'GET', url: '/api/users', headers: bearer(admin) })
    t.equal(list.json().data.total, 5)
  })

  t.test('a demo account changed by its user is left as it is', async (t) => {
    const siti = (await login(first, 'siti@rekam.local', 'patient-demo-123')).json().data.tokens
    const res = await first.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: bearer(siti.accessToken),
      payload: { currentPassword: 'patient-demo-123', newPassword: 'siti-own-password' },
    })
    t.equal(res.statusCode, 200)
    t.equal(await seedDemoAccounts(first), 0)
    t.equal((await login(first, 'siti@rekam.local', 'siti-own-password')).statusCode, 200)
    assertError(t, await login(first, 'siti@rekam.local', 'patient-demo-123'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  })
})

t.test('without demo mode there are no demo accounts until the seed script runs', async (t) => {
  const app = await buildTestApp(t)
  assertError(t, await login(app, 'admin@rekam.local', 'admin-demo-123'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  t.equal(await seedDemoAccounts(app), 5, 'the seed script (scripts/seed.ts) creates them')
  t.equal((await demoSignIn(app, 'admin@rekam.local', 'admin-demo-123')).statusCode, 200)
})

t.test('demo staff come with the documented TOTP authenticator; patients sign in with the password alone', async (t) => {
  const app = await buildTestApp(t, { env: { DEMO_MODE: 'true' } })
  const doctor = await login(app, 'dr.sari@rekam.local', 'doctor-demo-123')
  t.strictSame(doctor.json().data, { mfaRequired: true, ticket: doctor.json().data.ticket, methods: ['totp'], expiresIn: 300 })
  t.strictSame(Object.keys((await login(app, 'andi@rekam.local', 'patient-demo-123')).json().data).sort(), ['tokens', 'user'])
  const verified = await demoSignIn(app, 'dr.sari@rekam.local', 'doctor-demo-123')
  t.equal(claimsOf(verified.json().data.tokens.accessToken).acr, 'urn:rekam:aal2')
})

t.test('the seed refuses production', async (t) => {
  const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  const app = await buildTestApp(t, { env: { NODE_ENV: 'production', JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: privateKey } })
  await t.rejects(seedDemoAccounts(app), { message: 'Demo accounts are never created in production' })
  assertError(t, await login(app, 'admin@rekam.local', 'admin-demo-123'), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
})

t.test('logs never contain passwords, tokens or hashes', async (t) => {
  const database = await createTestDatabase(t)
  const logs = captureLogs()
  // trace: the most a deployment could ever log.
  const app = await buildApp({ logLevel: 'trace', logStream: logs.stream, env: testEnv(database) })
  t.teardown(() => app.close())
  await app.ready()

  const canary = `Canary-${randomBytes(6).toString('hex')}`
  const newCanary = `NewCanary-${randomBytes(6).toString('hex')}`
  const username = `canary${randomBytes(3).toString('hex')}`
  const secrets: string[] = [canary, newCanary]

  const reg = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { username, email: `${username}@example.test`, password: canary } })
  t.equal(reg.statusCode, 201)
  const first = reg.json().data.tokens
  secrets.push(first.accessToken, first.refreshToken)

  const signedIn = await login(app, username, canary)
  t.equal(signedIn.statusCode, 200)
  const second = signedIn.json().data.tokens
  secrets.push(second.accessToken, second.refreshToken)

  t.equal((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(first.accessToken) })).statusCode, 200)

  const refreshed = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second.refreshToken } })
  t.equal(refreshed.statusCode, 200)
  const third = refreshed.json().data.tokens
  secrets.push(third.accessToken, third.refreshToken)

  const changed = await app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: bearer(first.accessToken),
    payload: { currentPassword: canary, newPassword: newCanary },
  })
  t.equal(changed.statusCode, 200)

  // Error flows that carry secrets, none of them a 500.
  assertError(t, await login(app, username, canary), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  assertError(t, await login(app, `${username}@example.test`, `${canary}-typo`), 401, 'INVALID_CREDENTIALS', 'Invalid username, email or password')
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: third.refreshToken.slice(0, -2) + 'xx' } }), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second.refreshToken } }), 401, 'REFRESH_TOKEN_INVALID', 'The refresh token is invalid or has expired')
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(second.accessToken) }), 401, 'TOKEN_REVOKED', 'The session of this access token has ended')
  assertError(t, await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(`${third.accessToken}x`) }), 401, 'TOKEN_INVALID', 'The access token is invalid')
  assertError(t, await app.inject({
    method: 'POST', url: '/api/auth/change-password', headers: bearer(first.accessToken), payload: { currentPassword: canary, newPassword: `${canary}-again` },
  }), 403, 'CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect')
  assertError(t, await app.inject({
    method: 'POST', url: '/api/auth/register', payload: { username: `${username}2`, email: `${username}2@example.test`, password: `${canary}${'x'.repeat(80)}` },
  }), 400, 'VALIDATION_ERROR', 'body.password must NOT have more than 72 characters', [{ field: 'body.password', message: 'must NOT have more than 72 characters' }])
  assertError(t, await app.inject({
    method: 'POST', url: '/api/auth/register', payload: { username, email: `${username}@example.test`, password: canary },
  }), 409, 'CONFLICT', 'A user with that username or email already exists')
  assertError(t, await app.inject({
    method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":"${username}","password":"${canary}`,
  }), 400, 'BAD_REQUEST', 'The request body is not valid JSON')
  assertError(t, await app.inject({ method: 'GET', url: '/api/nowhere', headers: bearer(first.accessToken) }), 404, 'NOT_FOUND', 'Route GET /api/nowhere not found')

  const loggedOut = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: first.refreshToken } })
  t.equal(loggedOut.statusCode, 200)

  const text = logs.text()
  // The capture is real: every request above was logged, with its id.
  const entries = logs.entries()
  t.ok(entries.length > 40, `${entries.length} log lines captured`)
  for (const url of ['/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/auth/change-password', '/api/auth/logout']) {
    t.ok(entries.some((e) => (e.req as { url?: string } | undefined)?.url === url && typeof e.reqId === 'string'), `${url} was logged`)
  }
  t.ok(entries.some((e) => e.code === 'INVALID_CREDENTIALS'), 'client errors are logged by code')
  t.notOk(entries.some((e) => Number(e.level) >= 50), 'no error-level entries: the flow was 500-free')

  secrets.forEach((secret, i) => t.notOk(text.includes(secret), `secret #${i} is not in the logs`))
  t.notOk(text.includes('$2'), 'no bcrypt hash prefix in the logs')
})
