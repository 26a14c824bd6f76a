/**
 * PostgreSQL going away under the running, built services, and coming back: each service
 * reaches its database through a TCP proxy the test cuts (connections refused, or accepted and
 * never answered) and restores. Requests that need the database answer 503 SERVICE_UNAVAILABLE
 * within DB_CONNECT_TIMEOUT however many arrive at once (a burst of 50 through the real nginx, on
 * a pool of 10), then at once while the database is known to be down; readiness says not ready
 * while liveness stays up, and the same process serves again once the database is back, without
 * a refused write having been stored.
 */
import t, { type Test } from 'tap'
import { testDatabaseMode } from '@rekam/testing'
import { DEMO, type CutMode } from '@rekam/testing/e2e'
import { assertAllUnavailable, burst, timed } from './helpers/outage-burst.js'
import { OUTAGE_ANSWER_MS, CIRCUIT_OPEN_MS, BURST, assertUnavailable, until, status, type Stack, startStack } from './helpers/outage-stack.js'

function main () {
  let stack: Stack
  t.before(async () => {
    stack = await startStack(t)
  })

  const authOutage = (mode: CutMode) => async (t: Test) => {
    const { auth, authDb, authApi, recordsApi, gateway } = stack
    const pid = auth.process.child.pid
    const andi = await authApi.login(DEMO.andi.email, DEMO.andi.password)
    t.equal((await authApi.get('/api/auth/me', { token: andi.tokens.accessToken })).status, 200, 'before: /me')
    // Reads and writes: a refresh rotates the token, so one that ran later would spend it.
    const requests = [
      { label: '/api/auth/me', path: '/api/auth/me', opts: { token: andi.tokens.accessToken } },
      { label: 'refresh', path: '/api/auth/refresh', opts: { method: 'POST', json: { refreshToken: andi.tokens.refreshToken } } },
    ]

    await authDb.cut(mode)
    const [login, me, refresh, ready, live, jwks, first] = await Promise.all([
      timed(() => authApi.post('/api/auth/login', DEMO.sari)),
      timed(() => authApi.get('/api/auth/me', { token: andi.tokens.accessToken })),
      timed(() => authApi.post('/api/auth/refresh', { refreshToken: andi.tokens.refreshToken })),
      timed(() => authApi.get('/health/ready')),
      timed(() => authApi.get('/health/live')),
      timed(() => authApi.get('/.well-known/jwks.json')),
      burst(gateway ?? authApi, BURST, requests),
    ])
    assertAllUnavailable(t, 'first burst', first, OUTAGE_ANSWER_MS)
    assertAllUnavailable(t, 'the database known down', await burst(gateway ?? authApi, BURST, requests), CIRCUIT_OPEN_MS)
    assertUnavailable(t, 'login', login)
    assertUnavailable(t, '/api/auth/me', me)
    assertUnavailable(t, 'refresh', refresh)
    assertUnavailable(t, '/health/ready', ready)
    t.equal(live.status, 200, '/health/live stays up')
    t.equal(jwks.status, 200, 'the JWKS is served from memory')
    t.ok(jwks.body.keys.length >= 1)
    if (mode === 'blackhole') t.ok(authDb.blackholedConnections > 0, 'the service did try to connect into the blackhole')
    const records = await recordsApi.get('/api/records', { token: andi.tokens.accessToken })
    t.equal(records.status, 200, 'records-service, on its own database, keeps serving auth-service\'s tokens')

    await authDb.restore()
    const ms = await until('auth-service serving again', auth, [
      status(() => authApi.get('/health/ready'), 200),
      status(() => authApi.get('/api/auth/me', { token: andi.tokens.accessToken }), 200),
    ])
    t.comment(`auth-service ready ${Math.round(ms)} ms after the database came back`)
    const again = await authApi.login(DEMO.sari.email, DEMO.sari.password)
    t.ok(again.tokens.accessToken, 'login works again')
    const rotated = await authApi.post('/api/auth/refresh', { refreshToken: andi.tokens.refreshToken })
    t.equal(rotated.status, 200, 'the refresh token refused during the outage still works: nothing was committed')
    t.equal(auth.process.child.pid, pid, 'the same process')
    t.ok(auth.process.running, 'never restarted')
  }

  t.test('auth-service: PostgreSQL accepts connections and never answers', authOutage('blackhole'))
  t.test('auth-service: PostgreSQL refuses connections', authOutage('refuse'))

  const recordsOutage = (mode: CutMode) => async (t: Test) => {
    const { records, recordsDb, authApi, recordsApi, gateway } = stack
    const pid = records.process.child.pid
    const [andi, sari] = await Promise.all([
      authApi.login(DEMO.andi.email, DEMO.andi.password),
      authApi.login(DEMO.sari.email, DEMO.sari.password),
    ])
    const list = await recordsApi.get('/api/records', { token: andi.tokens.accessToken })
    t.equal(list.status, 200, 'before: list')
    const record = list.body.data.items[0]
    t.ok(record, 'andi has demo records')
    const newRecord = {
      patientId: record.patientId,
      visitDate: '2026-05-01',
      complaint: 'Cough',
      diagnosis: 'Common cold',
      treatment: 'Rest',
    }
    const requests = [
      { label: 'record read', path: `/api/records/${record.id}`, opts: { token: andi.tokens.accessToken } },
      { label: 'record create', path: '/api/records', opts: { method: 'POST', json: newRecord, token: sari.tokens.accessToken } },
    ]

    await recordsDb.cut(mode)
    const [listed, read, created, doctors, ready, live, first] = await Promise.all([
      timed(() => recordsApi.get('/api/records', { token: andi.tokens.accessToken })),
      timed(() => recordsApi.get(`/api/records/${record.id}`, { token: andi.tokens.accessToken })),
      timed(() => recordsApi.post('/api/records', newRecord, { token: sari.tokens.accessToken })),
      timed(() => recordsApi.get('/api/doctors', { token: andi.tokens.accessToken })),
      timed(() => recordsApi.get('/health/ready')),
      timed(() => recordsApi.get('/health/live')),
      burst(gateway ?? recordsApi, BURST, requests),
    ])
    assertAllUnavailable(t, 'first burst', first, OUTAGE_ANSWER_MS)
    assertAllUnavailable(t, 'the database known down', await burst(gateway ?? recordsApi, BURST, requests), CIRCUIT_OPEN_MS)
    assertUnavailable(t, 'record list', listed)
    assertUnavailable(t, 'record read', read)
    assertUnavailable(t, 'record create', created)
    assertUnavailable(t, 'doctor list', doctors)
    assertUnavailable(t, '/health/ready', ready)
    t.equal(live.status, 200, '/health/live stays up')
    const noToken = await recordsApi.get('/api/records')
    t.equal(noToken.status, 401, 'a request refused before the database is needed is still answered as usual')
    t.equal((await authApi.get('/api/auth/me', { token: andi.tokens.accessToken })).status, 200, 'auth-service, on its own database, is unaffected')

    await recordsDb.restore()
    const ms = await until('records-service serving again', records, [
      status(() => recordsApi.get('/health/ready'), 200),
      status(() => recordsApi.get(`/api/records/${record.id}`, { token: andi.tokens.accessToken }), 200),
    ])
    t.comment(`records-service ready ${Math.round(ms)} ms after the database came back`)
    const write = await recordsApi.post('/api/records', newRecord, { token: sari.tokens.accessToken })
    t.equal(write.status, 201, 'writes work again')
    const after = await recordsApi.get('/api/records', { token: andi.tokens.accessToken })
    t.equal(after.status, 200)
    t.equal(after.body.data.total, list.body.data.total + 1, 'exactly the write made after the outage was stored; the refused ones were not')
    t.equal(records.process.child.pid, pid, 'the same process')
    t.ok(records.process.running, 'never restarted')
  }

  t.test('records-service: PostgreSQL accepts connections and never answers', recordsOutage('blackhole'))
  t.test('records-service: PostgreSQL refuses connections', recordsOutage('refuse'))
}

// A proxy in front of PostgreSQL needs PostgreSQL; embedded PGlite has no connection to cut.
if (testDatabaseMode() === 'pglite') t.plan(0, 'database outages need PostgreSQL')
else main()
