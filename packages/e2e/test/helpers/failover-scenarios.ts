/**
 * The failover scenarios of multi-instance.test.ts, each the body of one of its tests, run on the
 * cluster and gateway that file starts once.
 */
import type { Test } from 'tap'
import { DEMO, client, newRequestId, request, serviceDatabase, startNginx, type ApiResponse, type Client, type RunningNginx } from '@rekam/testing/e2e'
import { assertError, waitUntil, withId } from './cluster-checks.js'
import { TAG_PREFIX, Traffic } from './failover-traffic.js'
import { servedIndex, startResettingServer, waitServedBy, type Cluster, type Instance } from './instances.js'

/** The running cluster, its gateway (and a client of it), and the nginx binary to start another gateway with. */
export interface FailoverStack {
  api: Client
  cluster: Cluster
  gateway: RunningNginx
  instances: Instance[]
  nginxBin: string | undefined
}

/**
 * One instance of each service stops (SIGTERM) in the middle of traffic through the gateway: every
 * request is answered by the survivors and nothing is written twice.
 */
export async function stopOneOfEachMidTraffic (t: Test, { api, cluster, gateway, instances }: FailoverStack): Promise<void> {
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
}

/**
 * An upstream that resets the connection mid-request, listed first beside a real instance in a second
 * gateway: nginx retries the GET on the real instance and never the POST.
 */
export async function upstreamDiesMidRequest (t: Test, { api, cluster, nginxBin }: FailoverStack): Promise<void> {
  const dying = await startResettingServer(t)
  const [auth, records] = [cluster.auth[0], cluster.records[0]]
  // A second gateway: the same template, the dying server listed first beside a real instance.
  const edge = await startNginx(t, {
    auth: [`127.0.0.1:${dying.port}`, `127.0.0.1:${auth.port}`],
    records: [`127.0.0.1:${dying.port}`, `127.0.0.1:${records.port}`],
  }, nginxBin)
  // The same auth database as the gateway's: the TOTP steps spent there count here too.
  const { tokens, user } = await client(auth.url, { stack: api.baseUrl }).login(DEMO.sari.email, DEMO.sari.password)
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
}
