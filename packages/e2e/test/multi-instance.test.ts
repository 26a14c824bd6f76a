/**
 * Two instances of each service behind the real nginx gateway (the committed template, its
 * upstreams round-robin over both), each pair on one PostgreSQL database. Which instance served
 * a request is read from the instances' own logs (every request carries its request id), so
 * "signed in on one, refreshed on the other" is shown, not assumed. Then one instance of each
 * service is stopped in the middle of traffic, and an upstream that dies mid-request shows that
 * nginx retries a GET and never a POST.
 */
import t from 'tap'
import { relaxedAuthLimits, testDatabaseMode } from '@rekam/testing'
import { DEMO, client, ensureBuilt, findNginx, newRequestId, request, startNginx, type ApiResponse, type Client, type RunningNginx } from '@rekam/testing/e2e'
import { assertError, reportOnFailure, waitUntil, withId } from './helpers/cluster-checks.js'
import { stopOneOfEachMidTraffic, upstreamDiesMidRequest } from './helpers/failover-scenarios.js'
import { kidOf, rotateKeys, startCluster, waitServedBy, type Cluster, type Instance } from './helpers/instances.js'

const nginxBin = findNginx()

const LOGIN_MAX_FAILURES = 3
// README "Revocation": records-service learns of a logout within about one poll interval (1 s).
// The bound allows for a busy machine; the measured times are printed.
const REVOCATION_BOUND_MS = 10_000
// auth-service instances re-read the database's keys every 10 s. A staged key must be in every
// instance's JWKS before any instance signs with it, so the delay exceeds that interval.
const KEY_RELOAD_MS = 10_000
/** A reload can run late on a 2-core machine busy with other test files; activation comes after it. */
const KEY_RELOAD_SLACK_MS = 12_000
const KEY_ACTIVATION_DELAY_S = 25

function main () {
  let cluster: Cluster
  let gateway: RunningNginx
  let api: Client
  let instances: Instance[]
  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    const started = Date.now()
    cluster = await startCluster(t, { auth: { ...relaxedAuthLimits, LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES) }, records: {} })
    instances = [...cluster.auth, ...cluster.records]
    gateway = await startNginx(t, {
      auth: cluster.auth.map((i) => `127.0.0.1:${i.port}`),
      records: cluster.records.map((i) => `127.0.0.1:${i.port}`),
    }, nginxBin)
    api = client(gateway.url)
    t.comment(`four instances and nginx ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    reportOnFailure(t, instances, gateway)
  })

  // Staged first and checked later: the other scenarios run while it takes effect.
  let rotation: { kid: string, activatesAt: string, retired: string[] }
  let rotatedAt: number
  let beforeRotation: string
  t.test('a signing key is staged with the real keys:rotate command', async (t) => {
    beforeRotation = (await api.login(DEMO.andi.email, DEMO.andi.password)).tokens.accessToken
    rotatedAt = Date.now()
    rotation = await rotateKeys(cluster, KEY_ACTIVATION_DELAY_S)
    t.not(rotation.kid, kidOf(beforeRotation), `a new key ${rotation.kid}, signing from ${rotation.activatesAt}`)
  })

  t.test('a session signed in on one auth instance refreshes on the other, both ways', async (t) => {
    const loginId = newRequestId()
    const login = await api.post('/api/auth/login', DEMO.andi, withId(loginId))
    t.equal(login.status, 200, 'signed in')
    let previous = (await waitServedBy(cluster.auth, loginId)).join()
    t.match(previous, /^auth-[12]$/, `the sign-in was served by ${previous} alone`)
    let tokens = login.body.data.tokens
    const crossings = new Set<string>()
    // Round robin alternates; a few refreshes cross in both directions.
    for (let i = 0; i < 8 && crossings.size < 2; i++) {
      const id = newRequestId()
      const res = await api.post('/api/auth/refresh', { refreshToken: tokens.refreshToken }, withId(id))
      const by = (await waitServedBy(cluster.auth, id)).join()
      t.equal(res.status, 200, `refresh ${i + 1} (token from ${previous}) served by ${by}: 200`)
      if (res.status !== 200) return
      if (by !== previous) crossings.add(`${previous} → ${by}`)
      previous = by
      tokens = res.body.data.tokens
    }
    t.strictSame([...crossings].sort(), ['auth-1 → auth-2', 'auth-2 → auth-1'], 'a refresh token issued by each instance was accepted by the other')
    for (const records of cluster.records) {
      t.equal((await request(records.url, '/api/records/permissions', { token: tokens.accessToken })).status, 200, `${records.label} accepts the last access token`)
    }
  })

  t.test('the same refresh token sent at once to both auth instances: both get the same new pair', async (t) => {
    const { tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
    const answers = await Promise.all(cluster.auth.map((i) => request(i.url, '/api/auth/refresh', { method: 'POST', json: { refreshToken: tokens.refreshToken } })))
    t.strictSame(answers.map((res) => res.status), [200, 200], 'auth-1 and auth-2 both answer 200 (the second within the grace interval)')
    t.strictSame(answers[0]!.body.data.tokens, answers[1]!.body.data.tokens, 'with the very same pair')
    const next = await api.post('/api/auth/refresh', { refreshToken: answers[0]!.body.data.tokens.refreshToken })
    t.equal(next.status, 200, 'and that pair\'s refresh token works: the session was not revoked as reused')
  })

  t.test(`failed sign-ins on both instances add up: ${LOGIN_MAX_FAILURES} locks the account on every instance`, async (t) => {
    const username = `lock-${newRequestId().slice(4)}`
    const reg = await api.post('/api/auth/register', { username, email: `${username}@example.com`, password: 'the right password' })
    t.equal(reg.status, 201, 'registered')
    const attempt = (i: number, password: string) => request(cluster.auth[i]!.url, '/api/auth/login', { method: 'POST', json: { username, password } })
    // auth-1, auth-2, auth-1: auth-2 itself sees a single failure.
    for (const [n, i] of [0, 1, 0].entries()) {
      assertError(t, await attempt(i, 'a wrong password'), 401, 'INVALID_CREDENTIALS', `failure ${n + 1} on auth-${i + 1}`)
    }
    for (const i of [1, 0]) {
      const res = await attempt(i, 'the right password')
      assertError(t, res, 429, 'TOO_MANY_REQUESTS', `the right password on auth-${i + 1}`)
      t.ok(Number(res.headers.get('retry-after')) > 0, 'with Retry-After')
    }
    assertError(t, await api.post('/api/auth/login', { username, password: 'the right password' }), 429, 'TOO_MANY_REQUESTS', 'through the gateway')
  })

  t.test('a logout on one auth instance is refused by both records instances within the revocation bound', async (t) => {
    const { tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
    for (const records of cluster.records) {
      t.equal((await request(records.url, '/api/records/permissions', { token: tokens.accessToken })).status, 200, `${records.label} accepts the token before the logout`)
    }
    const logoutId = newRequestId()
    const logout = await api.post('/api/auth/logout', { refreshToken: tokens.refreshToken }, withId(logoutId))
    const loggedOut = Date.now()
    const by = (await waitServedBy(cluster.auth, logoutId)).join()
    t.equal(logout.status, 200, `logged out through the gateway, served by ${by}`)
    for (const auth of cluster.auth) {
      assertError(t, await request(auth.url, '/api/auth/me', { token: tokens.accessToken }), 401, 'TOKEN_REVOKED', `${auth.label} at once`)
    }
    // Each records instance on its own port, each following its own auth instance's feed.
    const elapsed = await Promise.all(cluster.records.map(async (records, i) => {
      let last: ApiResponse | undefined
      await waitUntil(`${records.label} refusing the token`, async () => {
        last = await request(records.url, '/api/records/permissions', { token: tokens.accessToken })
        return last.status !== 200
      }, REVOCATION_BOUND_MS + 5000, 100)
      const ms = Date.now() - loggedOut
      assertError(t, last!, 401, 'TOKEN_REVOKED', `${records.label} (following auth-${i + 1}'s feed, the logout was on ${by})`)
      t.ok(ms <= REVOCATION_BOUND_MS, `${records.label} refused it ${ms} ms after the logout (bound ${REVOCATION_BOUND_MS} ms)`)
      return ms
    }))
    t.comment(`revocation reached records-1 after ${elapsed[0]} ms, records-2 after ${elapsed[1]} ms`)
    assertError(t, await api.get('/api/records', { token: tokens.accessToken }), 401, 'TOKEN_REVOKED', 'through the gateway')
  })

  t.test('reads through both records instances all appear in the one access log', async (t) => {
    const { tokens } = await api.login(DEMO.andi.email, DEMO.andi.password)
    const list = await api.get('/api/records?limit=1', { token: tokens.accessToken })
    const recordId = list.body.data.items[0].id as string
    const reads = new Map<string, string>()
    for (let i = 0; i < 10 && new Set(reads.values()).size < 2; i++) {
      const id = newRequestId()
      const res = await api.get(`/api/records/${recordId}`, { token: tokens.accessToken, ...withId(id) })
      t.equal(res.status, 200, `read ${i + 1}`)
      reads.set(id, (await waitServedBy(cluster.records, id)).join())
    }
    t.strictSame(new Set(reads.values()), new Set(['records-1', 'records-2']), 'both instances served reads')
    for (const records of cluster.records) {
      const log = await request(records.url, `/api/records/${recordId}/access-log?limit=100`, { token: tokens.accessToken })
      t.equal(log.status, 200, `${records.label} shows the access log`)
      const logged = (log.body.data.items as Array<{ action: string, requestId: string }>).filter((e) => reads.has(e.requestId))
      t.strictSame(logged.map((e) => e.requestId).sort(), [...reads.keys()].sort(), `${records.label}: every read, whichever instance served it, once`)
      t.ok(logged.every((e) => e.action === 'READ'), 'as READ')
    }
  })

  t.test('the staged key reaches every instance: both publish it, then both sign with it, both records instances accept it', async (t) => {
    const jwksKids = async (auth: Instance) => ((await request(auth.url, '/.well-known/jwks.json')).body.keys as Array<{ kid: string }>).map((k) => k.kid)
    for (const auth of cluster.auth) {
      await waitUntil(`${auth.label} publishing ${rotation.kid}`, async () => (await jwksKids(auth)).includes(rotation.kid), Math.max(0, rotatedAt + KEY_RELOAD_MS + KEY_RELOAD_SLACK_MS - Date.now()) + 1000)
      t.pass(`${auth.label} publishes the new key`)
    }
    t.ok(Date.now() < Date.parse(rotation.activatesAt), 'both published it before it signs anything')

    // Signing follows activation at each instance's next reload.
    const signedBy = new Map<string, string>()
    const deadline = Date.parse(rotation.activatesAt) + KEY_RELOAD_MS + 10_000
    for (const auth of cluster.auth) {
      await waitUntil(`${auth.label} signing with ${rotation.kid}`, async () => {
        // A patient: one password step per try (staff could spend only three TOTP steps per 30 s).
        const res = await request(auth.url, '/api/auth/login', { method: 'POST', json: DEMO.andi })
        const token = res.body?.data?.tokens?.accessToken as string | undefined
        if (token && kidOf(token) === rotation.kid) signedBy.set(auth.label, token)
        return signedBy.has(auth.label)
      }, Math.max(0, deadline - Date.now()) + 1000, 500)
      t.pass(`${auth.label} signs new tokens with the new key`)
    }
    for (const records of cluster.records) {
      for (const [label, token] of signedBy) {
        t.equal((await request(records.url, '/api/records/permissions', { token })).status, 200, `${records.label} accepts ${label}'s new-key token`)
      }
      t.equal((await request(records.url, '/api/records/permissions', { token: beforeRotation })).status, 200, `${records.label} still accepts a token of the old key`)
    }
  })

  t.test('one instance of each service stops mid-traffic: every request is answered by the survivors, nothing written twice', (t) => stopOneOfEachMidTraffic(t, { api, cluster, gateway, instances, nginxBin }))

  t.test('an upstream that dies mid-request: nginx retries the GET on the other server, never the POST', (t) => upstreamDiesMidRequest(t, { api, cluster, gateway, instances, nginxBin }))
}

// CI has nginx and PostgreSQL and must run this; elsewhere a machine without them skips it.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the multi-instance test')
else if (testDatabaseMode() === 'pglite') t.plan(0, 'several instances share one database: that needs PostgreSQL')
else main()
