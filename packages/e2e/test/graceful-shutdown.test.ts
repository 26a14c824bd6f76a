/**
 * SIGTERM with requests in flight, on the built services as real processes: the requests in
 * flight complete with their normal answers, new connections are refused, the database pool is
 * closed and the process exits 0 within the grace period. A refresh is committed exactly when
 * its answer was sent; a client whose refresh was refused gets its tokens after the restart.
 *
 * To have requests verifiably in flight, the test holds a PostgreSQL table lock the requests
 * need: they are inside their handlers, waiting on the database, when the signal arrives.
 */
import { createHash, randomBytes } from 'node:crypto'
import t from 'tap'
import { freshDemoTotpCode, testDatabaseMode } from '@rekam/testing'
import { DEMO, client, ensureBuilt, freePort, newRequestId, serviceDatabase, startService, type ApiResponse, type Client, type RunningService } from '@rekam/testing/e2e'
import { assertRefused, holdLock, settle, terminateWithRequestsInFlight, type Outcome } from './helpers/shutdown.js'

const AUTH_ENV = {
  // A realistic cost: sign-ins take real CPU time while the signal arrives.
  BCRYPT_COST: '10',
  // The replay after a restart must fall within the grace interval; a restart on a busy
  // machine can take longer than the default 10 s.
  REFRESH_GRACE_SECONDS: '120',
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function main () {
  let auth: RunningService
  let records: RunningService
  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    const internalSecret = randomBytes(32).toString('base64url')
    const authPort = await freePort()
    // Started together: records-service fetches the JWKS only when it first verifies a token.
    ;[auth, records] = await Promise.all([
      startService(t, 'auth-service', { INTERNAL_SECRET: internalSecret, ...AUTH_ENV }, authPort),
      startService(t, 'records-service', {
        AUTH_JWKS_URL: `http://127.0.0.1:${authPort}/.well-known/jwks.json`,
        AUTH_REVOCATIONS_URL: `http://127.0.0.1:${authPort}/internal/revocations`,
        INTERNAL_SECRET: internalSecret,
      }),
    ])
  })

  t.test('records-service: reads and writes in flight complete; an answered write is stored', async (t) => {
    const authApi = client(auth.url)
    const api = client(records.url)
    const sql = serviceDatabase(t, records)
    const [andi, sari] = await Promise.all([authApi.login(DEMO.andi.email, DEMO.andi.password), authApi.login(DEMO.sari.email, DEMO.sari.password)])
    const list = await api.get('/api/records', { token: andi.tokens.accessToken })
    const mine = list.body.data.items as Array<{ id: string, patientId: string }>
    t.ok(mine.length >= 2, 'andi has demo records to read')
    const marker = `shutdown-${randomBytes(4).toString('hex')}`
    const write = (n: string) => api.post('/api/records', {
      patientId: mine[0]!.patientId,
      visitDate: '2026-05-01',
      complaint: `${marker} ${n}`,
      diagnosis: 'Common cold',
      treatment: 'Rest',
    }, { token: sari.tokens.accessToken })

    // Writes wait to insert the record, reads to insert their access-log line.
    const lock = await holdLock(sql, ['medical_records', 'record_access_log'])
    let answered = 0
    const count = <T>(p: Promise<T>) => p.finally(() => { answered++ })
    const readIds = mine.map(() => newRequestId())
    const reads = mine.map((record, i) => count(settle(api.get(`/api/records/${record.id}`, { token: andi.tokens.accessToken, headers: { 'x-request-id': readIds[i]! } }))))
    const writes = ['a', 'b', 'c', 'd'].map((n) => count(settle(write(n))))
    let late: Outcome | undefined

    await terminateWithRequestsInFlight(t, records, sql, lock, reads.length + writes.length, () => answered, async () => {
      late = await settle(write('after the signal'))
    })

    const readOutcomes = await Promise.all(reads)
    const writeOutcomes = await Promise.all(writes)
    t.strictSame(readOutcomes.map((res) => res instanceof Error ? res.message : res.status), mine.map(() => 200), 'every read in flight answered 200')
    t.strictSame(readOutcomes.map((res) => (res as ApiResponse).body?.data?.record?.id), mine.map((record) => record.id), 'with its record')
    t.strictSame(writeOutcomes.map((res) => res instanceof Error ? res.message : res.status), [201, 201, 201, 201], 'every write in flight answered 201')
    assertRefused(t, 'a write sent after the signal', late!)

    const stored = await sql<Array<{ id: string, complaint: string }>>`select id, complaint from medical_records where complaint like ${`${marker}%`} order by complaint`
    t.strictSame([...stored].map((row) => row.id).sort(), writeOutcomes.map((res) => (res as ApiResponse).body.data.record.id).sort(), 'every answered write is in the database')
    t.notOk(stored.some((row) => row.complaint.endsWith('after the signal')), 'the refused write is not')
    const logged = await sql<Array<{ requestId: string }>>`select request_id as "requestId" from record_access_log where action = 'READ' and request_id in ${sql(readIds)}`
    t.strictSame([...logged].map((row) => row.requestId).sort(), [...readIds].sort(), 'every answered read left its access-log line')
  })

  t.test('auth-service: sign-ins and refreshes in flight complete; a refresh is committed exactly when answered', async (t) => {
    const api = client(auth.url)
    const sql = serviceDatabase(t, auth)
    // Sessions to refresh: four whose refresh is in flight at the signal, three sent after it.
    // One after the other: sign-ins of one account in flight at once count against its lockout
    // until each is decided, and seven would pass LOGIN_MAX_FAILURES.
    const sessions = []
    for (let i = 0; i < 7; i++) sessions.push(await api.login(DEMO.andi.email, DEMO.andi.password))
    const inFlight = sessions.slice(0, 4)
    const afterSignal = sessions.slice(4)

    // Staff sign in in two steps: the second (a TOTP code) is the one that makes the session.
    const tickets = await Promise.all([DEMO.sari, DEMO.budi].map(async (who) => (await api.post('/api/auth/login', who)).body.data.ticket as string))
    const secondSteps = [DEMO.sari, DEMO.budi].map((who, i) => {
      const code = freshDemoTotpCode(api.baseUrl, who.email)
      if (!code) throw new Error(`no TOTP step of this window left for ${who.email}`)
      return { ticket: tickets[i], method: 'totp', code }
    })

    // Sign-ins wait to insert their session, refreshes to lock their token row.
    const lock = await holdLock(sql, ['sessions', 'refresh_tokens'])
    let answered = 0
    const count = <T>(p: Promise<T>) => p.finally(() => { answered++ })
    const logins = [api.post('/api/auth/login', DEMO.andi), ...secondSteps.map((step) => api.post('/api/auth/mfa/verify', step))].map((res) => count(settle(res)))
    const refreshes = inFlight.map((session) => count(settle(api.post('/api/auth/refresh', { refreshToken: session.tokens.refreshToken }))))
    let late: Outcome[] = []

    await terminateWithRequestsInFlight(t, auth, sql, lock, 7, () => answered, async () => {
      late = await Promise.all(afterSignal.map((session) => settle(api.post('/api/auth/refresh', { refreshToken: session.tokens.refreshToken }))))
    })

    const loginOutcomes = await Promise.all(logins)
    t.strictSame(loginOutcomes.map((res) => res instanceof Error ? res.message : res.status), [200, 200, 200], 'every sign-in in flight answered 200')
    const refreshOutcomes = await Promise.all(refreshes)
    t.strictSame(refreshOutcomes.map((res) => res instanceof Error ? res.message : res.status), [200, 200, 200, 200], 'every refresh in flight answered 200')
    late.forEach((outcome, i) => assertRefused(t, `refresh ${i + 1} sent after the signal`, outcome))

    // Committed exactly when answered: the in-flight tokens are rotated, the refused ones not.
    const rotated = async (token: string) => {
      const [row] = await sql<Array<{ rotatedAt: Date | null }>>`select rotated_at as "rotatedAt" from refresh_tokens where token_hash = ${sha256(token)}`
      return row?.rotatedAt !== null && row?.rotatedAt !== undefined
    }
    t.strictSame(await Promise.all(inFlight.map((session) => rotated(session.tokens.refreshToken))), [true, true, true, true], 'each answered refresh was committed')
    t.strictSame(await Promise.all(afterSignal.map((session) => rotated(session.tokens.refreshToken))), [false, false, false], 'no refused refresh was committed')

    // The same service again, on the same database and signing key.
    const again = await startService(t, 'auth-service', AUTH_ENV, { database: auth.database, dataDir: auth.dataDir })
    const api2: Client = client(again.url)
    for (const [i, res] of loginOutcomes.entries()) {
      const me = await api2.get('/api/auth/me', { token: (res as ApiResponse).body.data.tokens.accessToken })
      t.equal(me.status, 200, `sign-in ${i + 1}: its session was stored`)
    }
    for (const [i, session] of inFlight.entries()) {
      const sent = (refreshOutcomes[i] as ApiResponse).body.data.tokens
      const replay = await api2.post('/api/auth/refresh', { refreshToken: session.tokens.refreshToken })
      t.equal(replay.status, 200, `answered refresh ${i + 1}: a replay within the grace interval is accepted`)
      t.strictSame(replay.body.data.tokens, sent, `answered refresh ${i + 1}: and gives back exactly the pair that was sent`)
    }
    const next = await api2.post('/api/auth/refresh', { refreshToken: (refreshOutcomes[0] as ApiResponse).body.data.tokens.refreshToken })
    t.equal(next.status, 200, 'the refresh token an answered refresh returned works')
    for (const [i, session] of afterSignal.entries()) {
      const retry = await api2.post('/api/auth/refresh', { refreshToken: session.tokens.refreshToken })
      t.equal(retry.status, 200, `refused refresh ${i + 1}: the client retries after the restart and gets its tokens`)
      t.ok(retry.body.data.tokens.refreshToken, 'a new pair')
    }
  })
}

// The test reads the services' PostgreSQL databases (locks, connections, stored rows).
if (testDatabaseMode() === 'pglite') t.plan(0, 'the shutdown tests need PostgreSQL')
else main()
