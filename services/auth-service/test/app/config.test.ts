import t from 'tap'
import { assertError, rsaTestKeyPem } from '@rekam/testing'
import { buildApp } from '../../src/app.js'
import { buildTestApp, captureLogs } from '../helper.js'

/** Starts buildApp on an env that is valid apart from `env`; answers the error it fails with. */
async function startError (env: Record<string, string>): Promise<Error | undefined> {
  try {
    const app = await buildApp({ logLevel: false, env: { NODE_ENV: 'test', DATA_DIR: 'memory://', BCRYPT_COST: '4', ...env } })
    await app.close()
    return undefined
  } catch (err) {
    return err as Error
  }
}

t.test('invalid environment values stop the start with a message naming the variable', async (t) => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'abc' }, /PORT must be integer/],
    [{ PORT: '70000' }, /PORT must be <= 65535/],
    [{ JWT_ALGORITHM: 'HS256' }, /JWT_ALGORITHM/],
    [{ JWT_ALGORITHM: 'none' }, /JWT_ALGORITHM/],
    [{ BCRYPT_COST: '3' }, /BCRYPT_COST must be >= 4/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must match pattern/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ DEMO_MODE: 'perhaps' }, /DEMO_MODE must be boolean/],
    [{ ACCESS_TOKEN_TTL: '5' }, /ACCESS_TOKEN_TTL must be >= 30/],
    [{ WEBAUTHN_ORIGINS: 'clinic.example' }, /WEBAUTHN_ORIGINS must match pattern/],
    [{ WEBAUTHN_ORIGINS: 'https://clinic.example/portal' }, /WEBAUTHN_ORIGINS must match pattern/],
    [{ WEBAUTHN_RP_ID: 'https://clinic.example' }, /WEBAUTHN_RP_ID must match pattern/],
  ]
  for (const [env, message] of cases) {
    const err = await startError(env)
    t.ok(err, `${JSON.stringify(env)} is refused`)
    t.match(err?.message, message, JSON.stringify(env))
  }
})

t.test('production needs a signing key from the environment, a file or the database', async (t) => {
  const err = await startError({ NODE_ENV: 'production' })
  t.match(err, { message: 'JWT_PRIVATE_KEY, JWT_PRIVATE_KEY_FILE or KEY_ENCRYPTION_KEY (keys in the database) is required when NODE_ENV=production' })
})

t.test('production needs MFA_ENCRYPTION_KEY, which seals the TOTP secrets', async (t) => {
  const err = await startError({ NODE_ENV: 'production', JWT_PRIVATE_KEY: rsaTestKeyPem() })
  t.match(err, { message: 'MFA_ENCRYPTION_KEY (32+ random characters, e.g. openssl rand -base64 48) is required when NODE_ENV=production: it seals the TOTP secrets' })
})

t.test('EMAIL_VERIFICATION=required needs SMTP_URL; SMTP_URL must be smtp:// or smtps://', async (t) => {
  t.match(await startError({ EMAIL_VERIFICATION: 'required' }), { message: 'EMAIL_VERIFICATION=required needs SMTP_URL: nobody could receive the link that lets them sign in' })
  t.match(await startError({ SMTP_URL: 'http://mail.example' }), { message: /SMTP_URL must match pattern/ })
})

t.test('production refuses demo mode', async (t) => {
  const err = await startError({ NODE_ENV: 'production', JWT_PRIVATE_KEY: rsaTestKeyPem(), MFA_ENCRYPTION_KEY: 'k'.repeat(32), DEMO_MODE: 'true' })
  t.match(err, { message: 'DEMO_MODE cannot be enabled when NODE_ENV=production' })
})

t.test('production with a key starts and signs with it', async (t) => {
  const app = await buildTestApp(t, { env: { NODE_ENV: 'production', JWT_PRIVATE_KEY: rsaTestKeyPem() } })
  t.equal(app.config.NODE_ENV, 'production')
  const res = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { keys: [{ kty: 'RSA', alg: 'RS256', kid: app.signingKeys.keys().current.kid }] })
  // No development messages in production: a 500 would be generic (the errors package tests that).
  assertError(t, await app.inject({ method: 'GET', url: '/nope' }), 404, 'NOT_FOUND', 'Route GET /nope not found')
})

t.test('production without SMTP_URL starts with a warning, and a flow that needs mail answers 503 MAIL_UNAVAILABLE', async (t) => {
  const warning = 'SMTP_URL is not set: no mail is sent, and email verification, password reset and invitations answer 503 MAIL_UNAVAILABLE'
  const logs = captureLogs()
  const app = await buildTestApp(t, { env: { NODE_ENV: 'production', JWT_PRIVATE_KEY: rsaTestKeyPem() }, logStream: logs.stream })
  t.equal(app.mail.available, false)
  t.strictSame(logs.entries.filter((entry) => entry.msg === warning).map((entry) => entry.level), [40], 'one warning at level warn')
  const res = await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'someone@example.test' } })
  assertError(t, res, 503, 'MAIL_UNAVAILABLE', 'Mail is not configured on this server, so this is unavailable; ask the clinic\'s administrator')

  // With SMTP_URL, or outside production, the start is quiet about mail.
  const quietStarts: Array<[string, Record<string, string>]> = [
    ['production with SMTP_URL', { NODE_ENV: 'production', JWT_PRIVATE_KEY: rsaTestKeyPem(), SMTP_URL: 'smtp://127.0.0.1:2525' }],
    ['development without SMTP_URL', { NODE_ENV: 'development' }],
  ]
  for (const [label, env] of quietStarts) {
    const quiet = captureLogs()
    await buildTestApp(t, { env, logStream: quiet.stream })
    t.strictSame(quiet.entries.filter((entry) => String(entry.msg).includes('SMTP_URL')), [], `${label}: no warning`)
  }
})

t.test('health with a database', async (t) => {
  const app = await buildTestApp(t)
  const live = await app.inject({ method: 'GET', url: '/health/live' })
  t.equal(live.statusCode, 200)
  t.strictSame(live.json(), { success: true, data: { status: 'live' } })
  const ready = await app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(ready.statusCode, 200)
  t.strictSame(ready.json(), { success: true, data: { status: 'ready' } })
})

t.test('an unreachable database answers 503 quickly, never 500', async (t) => {
  const app = await buildTestApp(t, {
    env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x', DB_MIGRATE_ON_START: 'false', DB_CONNECT_TIMEOUT: '1' },
  })

  t.equal((await app.inject({ method: 'GET', url: '/health/live' })).statusCode, 200, 'the process is still live')

  const ready = await app.inject({ method: 'GET', url: '/health/ready' })
  assertError(t, ready, 503, 'SERVICE_UNAVAILABLE', 'The database is not reachable')
  t.ok(Number(ready.headers['retry-after']) > 0, 'Retry-After is set')

  const started = Date.now()
  const loginRes = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'whatever-pw' } })
  const elapsed = Date.now() - started
  assertError(t, loginRes, 503, 'SERVICE_UNAVAILABLE', 'The database is unavailable, try again shortly')
  t.ok(Number(loginRes.headers['retry-after']) > 0, 'Retry-After is set')
  t.ok(elapsed < 3000, `answered in ${elapsed} ms`)
  t.notMatch(loginRes.body, /127\.0\.0\.1|ECONNREFUSED|postgres/, 'no connection details')

  const register = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { username: 'someone', email: 'someone@example.test', password: 'long-enough-pw' },
  })
  assertError(t, register, 503, 'SERVICE_UNAVAILABLE', 'The database is unavailable, try again shortly')
})

t.test('the OpenAPI document lists every auth-service route of the contract', async (t) => {
  const app = await buildTestApp(t)
  const res = await app.inject({ method: 'GET', url: '/api/auth/docs/json' })
  t.equal(res.statusCode, 200)
  const doc = res.json()
  t.match(doc, { openapi: /^3\./, info: { title: 'rekam auth-service' }, components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } } })

  const paths = doc.paths as Record<string, Record<string, unknown>>
  const normalise = (p: string) => p.length > 1 ? p.replace(/\/$/, '') : p
  const operations = new Set(Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${normalise(path)}`)))
  const contract = [
    'POST /api/auth/register',
    'POST /api/auth/login',
    'POST /api/auth/refresh',
    'POST /api/auth/logout',
    'POST /api/auth/logout-all',
    'GET /api/auth/me',
    'PUT /api/auth/profile',
    'POST /api/auth/change-password',
    'GET /api/auth/sessions',
    'DELETE /api/auth/sessions/{id}',
    'GET /api/users',
    'PATCH /api/users/{id}',
    'GET /.well-known/jwks.json',
    'GET /health/live',
    'GET /health/ready',
  ]
  for (const op of contract) t.ok(operations.has(op), op)

  // Bearer routes declare it, so the UI can send the token.
  t.match(paths['/api/auth/me']!.get, { security: [{ bearerAuth: [] }], tags: ['account'] }, 'GET /api/auth/me declares bearerAuth')
  t.notOk((paths['/api/auth/login']!.post as { security?: unknown }).security, 'login needs no token')
})
