/**
 * auth-service stopped for good under the running, built services: behind the real nginx,
 * records-service keeps verifying tokens with the key it cached from the JWKS (and keeps serving
 * on a stale revocation feed, fail-open by default); the gateway answers auth routes 502 in the
 * envelope.
 */
import t, { type Test } from 'tap'
import { createTokenIssuer, testDatabaseMode } from '@rekam/testing'
import { DEMO, client, newRequestId, startNginx, type ApiResponse } from '@rekam/testing/e2e'
import { timed } from './helpers/outage-burst.js'
import { nginxBin, OUTAGE_ANSWER_MS, RECOVERY_MS, type Stack, startStack } from './helpers/outage-stack.js'

function assertBadGateway (t: Test, label: string, res: ApiResponse, requestId: string) {
  t.equal(res.status, 502, `${label}: 502`)
  t.match(res.headers.get('content-type') ?? '', /^application\/json/, `${label}: JSON`)
  t.strictSame(res.body, {
    success: false,
    error: { code: 'BAD_GATEWAY', message: 'The upstream service is unavailable', requestId },
  }, `${label}: the rekam envelope with the request id`)
}

/** An access token in every respect but its signing key, which no JWKS lists. */
const foreignToken = () => createTokenIssuer().sign({ sub: '00000000-0000-4000-8000-000000000001', role: 'ADMIN', username: 'nobody' })

async function authServiceDown (t: Test, { auth, records, recordsApi, gateway }: Stack) {
  const api = gateway ?? client((await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)).url)
  const andi = await api.login(DEMO.andi.email, DEMO.andi.password)
  const sari = await api.login(DEMO.sari.email, DEMO.sari.password)
  t.equal((await api.get('/api/records', { token: andi.tokens.accessToken })).status, 200, 'records-service has verified a token (and cached the key)')
  // A fresh stack: records-service may have started before auth-service answered its feed.
  await records.process.waitFor('the revocation feed current', async () =>
    (await recordsApi.get('/health/ready')).body?.data?.details?.revocations?.current === true, RECOVERY_MS, 200)
  t.pass('the revocation feed is current while auth-service is up')

  await auth.process.stop()
  t.notOk(auth.process.running, 'auth-service is stopped')

  for (const [label, path, json] of [
    ['login', '/api/auth/login', DEMO.andi],
    ['refresh', '/api/auth/refresh', { refreshToken: andi.tokens.refreshToken }],
    ['JWKS', '/.well-known/jwks.json', undefined],
  ] as const) {
    const requestId = newRequestId()
    assertBadGateway(t, label, await api.request(path, { json, headers: { 'x-request-id': requestId } }), requestId)
  }

  // The timing is the point: a cached key answers from memory, an unknown one meets the dead JWKS at once.
  const seen = await timed(() => api.get('/api/records', { token: andi.tokens.accessToken }))
  t.equal(seen.status, 200, 'a token records-service has seen still verifies')
  const unseen = await timed(() => api.get('/api/doctors', { token: sari.tokens.accessToken }))
  t.equal(unseen.status, 200, 'a token it has never seen verifies too: the key is cached, not the token')
  const foreign = await timed(() => api.get('/api/records', { token: foreignToken() }))
  t.equal(foreign.status, 401, 'a token signed with an unknown key is refused')
  t.equal(foreign.body?.error?.code, 'TOKEN_INVALID')
  for (const [label, { ms }] of Object.entries({ seen, unseen, foreign })) {
    t.ok(ms < OUTAGE_ANSWER_MS, `${label}: answered in ${Math.round(ms)} ms, without waiting on auth-service`)
  }

  // Fail-open strict mode (the default): still serving, and readiness says the feed is stale.
  await records.process.waitFor('the revocation feed reported stale', async () => {
    const res = await recordsApi.get('/health/ready')
    return res.status === 200 && res.body?.data?.details?.revocations?.current === false
  }, RECOVERY_MS, 200)
  t.pass('records-service stays ready and reports the stale revocation feed')
  t.equal((await api.get('/api/records', { token: andi.tokens.accessToken })).status, 200, 'and keeps serving')
}

function main () {
  let stack: Stack
  t.before(async () => {
    stack = await startStack(t)
  })
  t.test('auth-service down: records-service verifies with cached keys, the gateway answers 502', {
    // CI has nginx and must run this; elsewhere a machine without it skips it.
    skip: !nginxBin && !process.env.CI ? 'nginx is not installed; set NGINX_BIN to run the gateway end-to-end tests' : false,
  }, async (t) => authServiceDown(t, stack))
}

// A proxy in front of PostgreSQL needs PostgreSQL; embedded PGlite has no connection to cut.
if (testDatabaseMode() === 'pglite') t.plan(0, 'database outages need PostgreSQL')
else main()
