import { createTestDatabase } from '@rekam/testing'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { buildStack, doctorWithProfile, INTERNAL_SECRET, patientWithProfile, signUp, type Stack } from './helper.js'

/** How soon a revocation must reach records-service (the bound). */
const BOUND_MS = 2000

async function statusWithin (stack: Stack, token: string, wanted: number, ms = BOUND_MS): Promise<{ status: number, code?: string, elapsed: number }> {
  const started = Date.now()
  for (;;) {
    const res = await stack.records.inject({ method: 'GET', url: '/api/records', headers: { authorization: `Bearer ${token}` } })
    const elapsed = Date.now() - started
    if (res.statusCode === wanted || elapsed > ms) return { status: res.statusCode, code: res.json().error?.code, elapsed }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function signIn (stack: Stack, username: string, password = 'correct-horse-battery') {
  const res = await stack.auth.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  return res.json().data.tokens as { accessToken: string, refreshToken: string }
}

t.test('revocations reach records-service within 2 seconds', async (t) => {
  const stack = await buildStack(t, { authEnv: { REFRESH_GRACE_SECONDS: '0' } })
  const admin = await signUp(stack.auth, 'ADMIN')

  t.test('logout', async (t) => {
    const patient = await patientWithProfile(stack)
    t.equal((await statusWithin(stack, patient.accessToken, 200)).status, 200)
    const tokens = await signIn(stack, patient.username)
    await stack.auth.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: tokens.refreshToken } })
    const seen = await statusWithin(stack, tokens.accessToken, 401)
    t.strictSame([seen.status, seen.code], [401, 'TOKEN_REVOKED'], `refused after ${seen.elapsed} ms`)
    t.equal((await statusWithin(stack, patient.accessToken, 200)).status, 200, 'the other session is untouched')
  })

  t.test('password change ends the other sessions', async (t) => {
    const patient = await signUp(stack.auth, 'PATIENT')
    const other = await signIn(stack, patient.username)
    const res = await stack.auth.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: patient.headers,
      payload: { currentPassword: 'correct-horse-battery', newPassword: 'a-brand-new-passphrase' },
    })
    t.equal(res.statusCode, 200)
    const seen = await statusWithin(stack, other.accessToken, 401)
    t.strictSame([seen.status, seen.code], [401, 'TOKEN_REVOKED'], `refused after ${seen.elapsed} ms`)
    t.equal((await statusWithin(stack, patient.accessToken, 200)).status, 200, 'the session that changed it stays')
  })

  t.test('admin block', async (t) => {
    const doctor = await doctorWithProfile(stack)
    t.equal((await statusWithin(stack, doctor.accessToken, 200)).status, 200)
    const res = await stack.auth.inject({ method: 'PATCH', url: `/api/users/${doctor.userId}`, headers: admin.headers, payload: { blocked: true } })
    t.equal(res.statusCode, 200)
    const seen = await statusWithin(stack, doctor.accessToken, 401)
    t.strictSame([seen.status, seen.code], [401, 'TOKEN_REVOKED'], `refused after ${seen.elapsed} ms`)
  })

  t.test('refresh-token reuse', async (t) => {
    const patient = await signUp(stack.auth, 'PATIENT')
    const tokens = await signIn(stack, patient.username)
    const first = await stack.auth.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })
    const successor = first.json().data.tokens.accessToken
    const reuse = await stack.auth.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: tokens.refreshToken } })
    t.equal(reuse.statusCode, 401)
    for (const token of [tokens.accessToken, successor]) {
      const seen = await statusWithin(stack, token, 401)
      t.strictSame([seen.status, seen.code], [401, 'TOKEN_REVOKED'], `refused after ${seen.elapsed} ms`)
    }
  })

  t.test('a restarted records-service knows what was revoked before it started', async (t) => {
    const patient = await signUp(stack.auth, 'PATIENT')
    const tokens = await signIn(stack, patient.username)
    await stack.auth.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: tokens.refreshToken } })
    const database = await createTestDatabase(t)
    const restarted = await buildApp({
      logLevel: false,
      env: {
        NODE_ENV: 'test',
        DATA_DIR: 'memory://',
        AUTH_JWKS_URL: stack.jwksUrl,
        AUTH_REVOCATIONS_URL: stack.jwksUrl.replace('/.well-known/jwks.json', '/internal/revocations'),
        INTERNAL_SECRET,
        ...(database.url ? { DATABASE_URL: database.url } : {}),
      },
    })
    t.teardown(() => restarted.close())
    await restarted.ready()
    const res = await restarted.inject({ method: 'GET', url: '/api/records', headers: { authorization: `Bearer ${tokens.accessToken}` } })
    t.strictSame([res.statusCode, res.json().error.code], [401, 'TOKEN_REVOKED'], 'refused on the first request')
  })
})

t.test('the feed and introspection are internal', async (t) => {
  const stack = await buildStack(t)
  const patient = await signUp(stack.auth, 'PATIENT')

  const noSecret = await stack.auth.inject({ method: 'GET', url: '/internal/revocations' })
  t.strictSame([noSecret.statusCode, noSecret.json().error.code], [401, 'UNAUTHORIZED'])
  const wrong = await stack.auth.inject({ method: 'GET', url: '/internal/revocations', headers: { 'x-internal-secret': 'x'.repeat(40) } })
  t.equal(wrong.statusCode, 401)
  const badCursor = await stack.auth.inject({ method: 'GET', url: '/internal/revocations?after=-1', headers: { 'x-internal-secret': INTERNAL_SECRET } })
  t.strictSame([badCursor.statusCode, badCursor.json().error.code], [400, 'VALIDATION_ERROR'])
  const docs = await stack.auth.inject({ method: 'GET', url: '/api/auth/docs/json' })
  t.notOk(Object.keys(docs.json().paths).some((path) => path.startsWith('/internal')), 'not in the public API docs')

  const introspect = (payload: string, type = 'application/x-www-form-urlencoded', secret = INTERNAL_SECRET) =>
    stack.auth.inject({ method: 'POST', url: '/internal/introspect', headers: { 'content-type': type, 'x-internal-secret': secret }, payload })

  const active = await introspect(`token=${patient.accessToken}`)
  t.equal(active.statusCode, 200)
  t.match(active.json(), { active: true, token_type: 'Bearer', sub: patient.userId, role: 'PATIENT', username: patient.username, sid: String, exp: Number, amr: ['pwd'], acr: 'urn:rekam:aal1', auth_time: Number })
  const asJson = await introspect(JSON.stringify({ token: patient.accessToken }), 'application/json')
  t.equal(asJson.json().active, true)
  t.strictSame((await introspect('token=not-a-token')).json(), { active: false })
  t.equal((await introspect(`token=${patient.accessToken}`, undefined, 'y'.repeat(40))).statusCode, 401)

  await stack.auth.inject({ method: 'POST', url: '/api/auth/logout-all', headers: patient.headers })
  t.strictSame((await introspect(`token=${patient.accessToken}`)).json(), { active: false }, 'revoked')
})

t.test('when the feed is unreachable', async (t) => {
  t.test('fail-open (default) keeps serving and says so on /health/ready', async (t) => {
    const stack = await buildStack(t, { recordsEnv: { AUTH_REVOCATIONS_URL: 'http://127.0.0.1:1/internal/revocations' } })
    const patient = await signUp(stack.auth, 'PATIENT')
    const res = await stack.records.inject({ method: 'GET', url: '/api/records', headers: patient.headers })
    t.equal(res.statusCode, 200)
    const ready = await stack.records.inject({ method: 'GET', url: '/health/ready' })
    t.equal(ready.statusCode, 200)
    t.match(ready.json().data.details.revocations, { current: false, lastError: String })
  })

  t.test('fail-closed refuses tokens with 503 once the feed is silent for too long', async (t) => {
    const stack = await buildStack(t)
    const patient = await signUp(stack.auth, 'PATIENT')
    const closed = await buildStack(t, { recordsEnv: { AUTH_REVOCATIONS_URL: 'http://127.0.0.1:1/internal/revocations', REVOCATION_FAIL_CLOSED_AFTER: '1' } })
    const token = await signUp(closed.auth, 'PATIENT')
    const res = await closed.records.inject({ method: 'GET', url: '/api/records', headers: token.headers })
    t.strictSame([res.statusCode, res.json().error.code], [503, 'SERVICE_UNAVAILABLE'])
    const open = await stack.records.inject({ method: 'GET', url: '/api/records', headers: patient.headers })
    t.equal(open.statusCode, 200, 'a reachable feed serves as usual')
  })
})
