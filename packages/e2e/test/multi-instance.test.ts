/**
 * Two instances of each service behind the real nginx gateway (the committed template, its
 * upstreams round-robin over both), each pair on one PostgreSQL database. Which instance served
 * a request is read from the instances' own logs (every request carries its request id), so
 * "signed in on one, refreshed on the other" is shown, not assumed. Then one instance of each
 * service is stopped in the middle of traffic, and an upstream that dies mid-request shows that
 * nginx retries a GET and never a POST.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { relaxedAuthLimits, testDatabaseMode } from '@rekam/testing'
import { DEMO, client, ensureBuilt, findNginx, newRequestId, request, serviceDatabase, startNginx, type ApiResponse, type Client, type RunningNginx } from '@rekam/testing/e2e'
import { TAG_PREFIX, Traffic } from './helpers/failover-traffic.js'
import { kidOf, rotateKeys, servedIndex, startCluster, startResettingServer, waitServedBy, type Cluster, type Instance } from './helpers/instances.js'

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

const withId = (requestId: string) => ({ headers: { 'x-request-id': requestId } })

async function waitUntil (what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await sleep(intervalMs)
  }
}

function assertError (t: Test, res: ApiResponse, status: number, code: string, what: string) {
  t.strictSame([res.status, res.body?.error?.code], [status, code], `${what}: ${status} ${code}`)
}

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
    t.teardown(() => {
      if (t.passing()) return
      for (const instance of instances) {
        const problems = instance.logLines().filter((line) => Number(line.level) >= 40).map((line) => JSON.stringify(line))
        process.stderr.write(`\n[e2e] ${instance.label} warnings and errors:\n${problems.join('\n').slice(-6000)}\n`)
      }
      process.stderr.write(`\n[e2e] nginx error.log:\n${gateway.errorLog().slice(-6000)}\n`)
    })
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
        const res = await request(auth.url, '/api/auth/login', { method: 'POST', json: DEMO.sari })
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

  t.test('one instance of each service stops mid-traffic: every request is answered by the survivors, nothing written twice', async (t) => {
    const [andi, sari] = await Promise.all([api.login(DEMO.andi.email, DEMO.andi.password), api.login(DEMO.sari.email, DEMO.sari.password)])
    const mine = await api.get('/api/records?limit=1', { token: andi.tokens.accessToken })
    const traffic = new Traffic(gateway.url, {
      patient: andi.tokens,
      doctor: sari.tokens,
      session: DEMO.siti,
      recordId: mine.body.data.items[0].id,
      patientId: mine.body.data.items[0].patientId,
    })
    const stopped = [cluster.auth[1], cluster.records[1]]
    const survivors = new Set([cluster.auth[0].label, cluster.records[0].label])
    let signalled = 0
    let gone = 0
    traffic.start()
    try {
      // Both instances of each service take part before the stop.
      await waitUntil('every instance serving the traffic', () => {
        const sent = new Set(traffic.sent.map((s) => s.requestId))
        const served = new Set([...servedIndex(instances)].filter(([id]) => sent.has(id)).flatMap(([, by]) => by))
        return served.size === instances.length
      }, 20_000, 250)
      signalled = Date.now()
      for (const instance of stopped) instance.process.signal('SIGTERM')
      const exits = await Promise.all(stopped.map((instance) => instance.process.exited))
      gone = Date.now()
      t.strictSame(exits, [{ code: 0, signal: null }, { code: 0, signal: null }], `auth-2 and records-2 exited cleanly, ${gone - signalled} ms after SIGTERM`)
      // Every kind of request, several times, on the survivors alone.
      await waitUntil('traffic after the stop', () => {
        const counts = [...traffic.countSince(gone).values()]
        return Date.now() - gone > 2000 && counts.length === 6 && Math.min(...counts) >= 3
      }, 30_000, 100)
    } finally {
      await traffic.stop()
    }

    // Log lines arrive through pipes: once each survivor has logged a later request, its log
    // holds every earlier one (the stopped instances' logs ended with their exit).
    for (const survivor of [cluster.auth[0], cluster.records[0]]) {
      const marker = newRequestId()
      await request(survivor.url, '/health/live', withId(marker))
      await waitServedBy([survivor], marker)
    }
    const index = servedIndex(instances)
    const logged = servedIndex(instances, { anyLine: true })
    const answered = traffic.sent.filter((s) => s.status === s.expected)
    const failed = traffic.sent.filter((s) => s.status !== s.expected)
    t.strictSame(answered.filter((s) => index.get(s.requestId)?.length !== 1).map((s) => `${s.kind} ${s.requestId}: ${index.get(s.requestId)?.join() ?? 'nobody'}`), [],
      `each of the ${answered.length} requests answered as expected was served by exactly one instance`)
    t.strictSame(traffic.sent.filter((s) => index.has(s.requestId) && s.status !== s.expected).map((s) => `${s.kind} ${s.requestId}: ${s.status}`), [],
      'no request an instance served failed (no 5xx, none unanswered)')
    t.strictSame(failed.filter((s) => !s.kind.startsWith('POST ') || s.status !== 502 || s.code !== 'BAD_GATEWAY' || logged.has(s.requestId)).map((s) => `${s.kind} ${s.requestId}: ${s.status}`), [],
      'every GET was answered (one that met a closing connection was retried on the survivor); any failure is a POST answered 502 that no instance read')
    // A POST that nginx had already written to a kept-alive connection the stopping instance
    // closed unread is not retried (it may have been executed, as far as nginx knows): the
    // client gets 502, and no instance ever read it (checked above). See docs/scaling.md.
    t.strictSame(failed.map((s) => `${s.kind} ${s.requestId}: ${s.status}`), [], 'no request failed at all', {
      todo: failed.length > 0 && 'a POST on a kept-alive connection the stopping instance closed is answered 502 (shutdown drain, docs/scaling.md)',
    })
    const during = traffic.sent.filter((s) => s.at < gone && (s.done ?? Infinity) > signalled)
    t.ok(during.length > 0, `${during.length} requests were in flight while the two instances shut down`)
    // nginx learns of a stopped server only by trying it (a refused connection carries no
    // request, so even a POST is retried); then it leaves the server out for fail_timeout.
    const upstreamErrors = (instance: Instance) => gateway.errorLog().split('\n').filter((line) => line.includes('[error]') && line.includes(`upstream: "http://127.0.0.1:${instance.port}/`)).length
    for (const instance of stopped) t.ok(upstreamErrors(instance) > 0, `nginx found ${instance.label} gone (${upstreamErrors(instance)} failed attempts) and moved on`)
    const after = traffic.sent.filter((s) => s.at > gone)
    t.strictSame(after.filter((s) => !survivors.has(index.get(s.requestId)?.[0] ?? '')).map((s) => s.requestId), [], `the ${after.length} requests sent after the stop were all served by auth-1 and records-1`)
    for (const [kind, n] of traffic.countSince(0)) t.comment(`${kind}: ${n}`)

    const db = serviceDatabase(t, cluster.records[0])
    const rows = await db<Array<{ id: string, complaint: string }>>`select id, complaint from medical_records where complaint like ${`${TAG_PREFIX}%`}`
    const creates = traffic.sent.filter((s) => s.tag)
    const byTag = new Map<string, string[]>()
    for (const row of rows) {
      const tag = row.complaint.slice(0, row.complaint.indexOf(']') + 1)
      byTag.set(tag, [...byTag.get(tag) ?? [], row.id])
    }
    const answeredCreates = creates.filter((s) => s.recordId)
    t.strictSame(answeredCreates.filter((s) => byTag.get(s.tag!)?.join() !== s.recordId).map((s) => `${s.tag}: answered ${s.recordId}, stored ${byTag.get(s.tag!)?.join() ?? 'nothing'}`), [],
      `each of the ${answeredCreates.length} creates answered 201 is stored exactly once, as the row it was answered with`)
    // A create refused with 502 (the shutdown race above) was never read by any instance.
    t.strictSame(creates.filter((s) => !s.recordId && byTag.has(s.tag!)).map((s) => `${s.tag}: answered ${s.status}, stored ${byTag.get(s.tag!)!.join()}`), [],
      'a create that was not answered 201 left no row')
    t.equal(rows.length, answeredCreates.length, 'and no other row')
  })

  t.test('an upstream that dies mid-request: nginx retries the GET on the other server, never the POST', async (t) => {
    const dying = await startResettingServer(t)
    const [auth, records] = [cluster.auth[0], cluster.records[0]]
    // A second gateway: the same template, the dying server listed first beside a real instance.
    const edge = await startNginx(t, {
      auth: [`127.0.0.1:${dying.port}`, `127.0.0.1:${auth.port}`],
      records: [`127.0.0.1:${dying.port}`, `127.0.0.1:${records.port}`],
    }, nginxBin)
    const { tokens, user } = await client(auth.url).login(DEMO.sari.email, DEMO.sari.password)
    const andi = await client(auth.url).login(DEMO.andi.email, DEMO.andi.password)
    const mine = await request(records.url, '/api/records?limit=1', { token: andi.tokens.accessToken })
    t.ok(user.id, 'signed in')

    // Round robin: the first request of each upstream goes to the first server; a few suffice.
    let get: { id: string, res: ApiResponse } | undefined
    for (let i = 0; i < 4 && !get; i++) {
      const id = newRequestId()
      const res = await request(edge.url, '/api/auth/me', { token: tokens.accessToken, ...withId(id) })
      if (dying.seen.includes(id)) get = { id, res }
      else t.equal(res.status, 200, 'a GET the real instance got first')
    }
    t.ok(get, 'a GET reached the dying server')
    t.equal(get!.res.status, 200, 'the GET the dying server took is answered 200')
    t.equal(get!.res.body.data.user.id, user.id, 'with the right user')
    t.strictSame(await waitServedBy(cluster.auth, get!.id), ['auth-1'], 'by the real instance, after nginx retried it there')

    let post: { id: string, res: ApiResponse, tag: string } | undefined
    for (let i = 0; i < 4 && !post; i++) {
      const id = newRequestId()
      const tag = `${TAG_PREFIX}edge-${id}]`
      const res = await request(edge.url, '/api/records', {
        method: 'POST',
        token: tokens.accessToken,
        json: { patientId: mine.body.data.items[0].patientId, visitDate: '2026-04-02', complaint: `${tag} batuk`, diagnosis: 'Cough', treatment: 'Rest' },
        ...withId(id),
      })
      if (dying.seen.includes(id)) post = { id, res, tag }
      else t.equal(res.status, 201, 'a POST the real instance got first')
    }
    t.ok(post, 'a POST reached the dying server')
    assertError(t, post!.res, 502, 'BAD_GATEWAY', 'the POST the dying server took')
    t.equal(post!.res.body.error.requestId, post!.id, 'the envelope quotes its request id')
    // A request sent after it: once the instance has logged that one, it would have logged the POST.
    const marker = newRequestId()
    await request(records.url, '/health/live', withId(marker))
    t.strictSame(await waitServedBy([records], marker), ['records-1'], 'records-1 logged a later request')
    t.strictSame(servedIndex(cluster.records, { anyLine: true }).get(post!.id), undefined, 'but never saw the POST: nginx did not send it on')
    const db = serviceDatabase(t, records)
    const rows = await db`select id from medical_records where complaint like ${`${post!.tag}%`}`
    t.equal(rows.length, 0, 'and nothing was written')
  })
}

// CI has nginx and PostgreSQL and must run this; elsewhere a machine without them skips it.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the multi-instance test')
else if (testDatabaseMode() === 'pglite') t.plan(0, 'several instances share one database: that needs PostgreSQL')
else main()
