/**
 * A bounded load test on loopback: the built services as real processes on fresh PostgreSQL
 * databases, behind the real nginx gateway, driven for LOAD_TEST_SECONDS (60 by default) by a
 * fixed set of virtual users doing a mix of logins, refreshes, /me, record reads, lists, creates
 * and updates. The checks are about correctness, never throughput (the machine may be busy):
 * no 5xx, no lost or doubled writes, an audit row for every read, memory that stays flat.
 */
import t from 'tap'
import { relaxedAuthLimits, testDatabaseMode } from '@rekam/testing'
import { client, ensureBuilt, findNginx, serviceDatabase, startNginx, startServices, type RunningNginx, type RunningService } from '@rekam/testing/e2e'
import { LoadState, TAG_PATTERN, diffRecord, drive, type ExpectedRecord } from './helpers/load-mix.js'
import { RssSampler, thirds } from './helpers/load-stats.js'
import { createUserPool } from './helpers/load-users.js'
import { nodeFlags } from './helpers/start-command.js'

const nginxBin = findNginx()
const SECONDS = Number(process.env.LOAD_TEST_SECONDS ?? 60)
// 16 virtual users, each its own account and session: 6 doctors write, 10 patients mostly read.
const DOCTORS = 6
const PATIENTS = 10
// Each kind of request must have succeeded this often, so that no check passes on an idle run:
// one a second (a short run on a machine busy with other tests logs in fewer times), at most 20.
const MIN_PER_ROUTE = Math.min(20, SECONDS)
const EXPECTED: Record<string, number> = {
  'POST /api/auth/login': 200,
  'POST /api/auth/refresh': 200,
  'GET /api/auth/me': 200,
  'GET /api/records': 200,
  'GET /api/records/:id': 200,
  'POST /api/records': 201,
  'PATCH /api/records/:id': 200,
}
// Memory. The services run with their production heap sizing (the start script's V8 flags,
// docs/scaling.md "Memory"), passed through NODE_OPTIONS as the test starts `node dist/server.js`.
// Uncapped on a big machine V8 lets the old generation grow to about 4× the live data before a
// full collection (RSS climbed from ~160 to ~300 MB with a live heap of ~50 MB); capped at 256 MB
// it grows by at most 1.3×, so a leak-free service stays flat, a heap leak of more than the cap's
// headroom ends in an out-of-memory crash (a stopped process and 502s), and a leak outside the
// heap (buffers, sockets) in growing RSS.
// The first third is warm-up (JIT, connection pools, heap growth) and is not judged; after it
// the thirds' means moved by under 10 % in every run, so 30 % more in the last third is a
// leak. 300 MB is more than a leak-free service ever held.
const nodeOptions = (service: 'auth-service' | 'records-service') => nodeFlags(service).join(' ')
const MAX_GROWTH = 1.3
const MAX_RSS_MB = 300

function main () {
  let auth: RunningService
  let records: RunningService
  let gateway: RunningNginx
  t.before(async () => {
    for (const note of ensureBuilt()) t.comment(note)
    ;({ auth, records } = await startServices(t, {
      // The production default cost is 12; 10 keeps every login a real bcrypt compare while
      // leaving a busy 2-core machine time for the rest of the mix.
      // The load's doctors sign in again and again by password (a TOTP code works once per
      // 30-second step): the second factor, tested on its own, is not what this test loads.
      auth: { ...relaxedAuthLimits, BCRYPT_COST: '10', MFA_REQUIRED_ROLES: 'none', NODE_OPTIONS: nodeOptions('auth-service') },
      records: { NODE_OPTIONS: nodeOptions('records-service') },
    }))
    gateway = await startNginx(t, { auth: `127.0.0.1:${auth.port}`, records: `127.0.0.1:${records.port}` }, nginxBin)
    t.teardown(() => {
      if (t.passing()) return
      for (const service of [auth, records]) {
        const problems = service.logLines().filter((line) => Number(line.level) >= 40).map((line) => JSON.stringify(line))
        process.stderr.write(`\n[load] ${service.name} warnings and errors:\n${problems.join('\n').slice(-8000)}\n`)
      }
      process.stderr.write(`\n[load] nginx error.log:\n${gateway.errorLog().slice(-8000)}\n`)
    })
  })

  t.test(`mixed traffic for at least ${SECONDS} s through the gateway`, async (t) => {
    if (!records.databaseUrl) {
      t.plan(0, 'the checks read the records database directly, which needs PostgreSQL')
      return
    }
    const users = await createUserPool(client(gateway.url), { doctors: DOCTORS, patients: PATIENTS })
    const db = serviceDatabase(t, records)
    const before = new Set((await db<Array<{ id: string }>>`select id from medical_records`).map((r) => r.id))
    const state = new LoadState(gateway.url, users.filter((u) => u.role === 'PATIENT'))
    const rss = new RssSampler({ 'auth-service': auth.process.child.pid!, 'records-service': records.process.child.pid! })
    rss.start(Math.max(500, (SECONDS * 1000) / 30))
    const started = Date.now()
    const enough = () => Object.entries(EXPECTED).every(([route, status]) => state.stats.count((o) => o === status, route) >= MIN_PER_ROUTE)
    await drive(state, users, SECONDS * 1000, enough)
    rss.stop()

    const total = state.stats.count(() => true)
    const limited = state.stats.count((o) => o === 429)
    const elapsed = (Date.now() - started) / 1000
    t.comment(`${users.length} virtual users, ${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(1)}/s), ${limited} answered 429`)
    for (const line of state.stats.table()) t.comment(line)
    for (const [name, samples] of rss.samples) {
      t.comment(`${name} RSS MB: ${samples.map((mb) => mb.toFixed(0)).join(' ')}`)
    }

    t.test('no 5xx and no request without an answer; every process still runs', async (t) => {
      t.strictSame(state.stats.breakdown((o) => o === 'network' || o >= 500), [], 'by route and status')
      t.strictSame(state.serverErrors.slice(0, 10), [], 'the first 5xx answers')
      t.strictSame(state.networkErrors.slice(0, 10), [], 'the first requests without an answer')
      for (const proc of [auth.process, records.process, gateway.process]) t.doesNotThrow(() => proc.assertRunning(), `${proc.name} runs`)
    })

    t.test('every answer is the one expected; refresh chains hold; 429s are rare and counted apart', async (t) => {
      t.equal(state.problems.length, 0, 'no unexpected status or content')
      t.strictSame(state.problems.slice(0, 10), [], 'the first of them')
      t.equal(state.refreshChainBreaks, 0, 'no refresh token of a chain was refused')
      t.ok(limited <= total * 0.05, `429s are at most 5 % of the requests (${limited} of ${total}): the mix did real work`)
    })

    t.test(`at least ${MIN_PER_ROUTE} successful requests of every kind`, async (t) => {
      for (const [route, status] of Object.entries(EXPECTED)) {
        const n = state.stats.count((o) => o === status, route)
        t.ok(n >= MIN_PER_ROUTE, `${route}: ${n} answered ${status}`)
      }
    })

    t.test('every record answered 201 is in the database once, with exactly the fields sent and changed', async (t) => {
      const rows = await db<Array<Record<string, unknown> & { id: string, complaint: string }>>`
        select id, patient_id as "patientId", doctor_id as "doctorId", visit_date::text as "visitDate",
          complaint, diagnosis, treatment, prescription, notes, deleted_at as "deletedAt"
        from medical_records`
      const fresh = rows.filter((r) => !before.has(r.id))
      const tagOf = (row: { complaint: string }) => TAG_PATTERN.exec(row.complaint)?.[1] ?? 'untagged'
      const byTag = new Map<string, string[]>()
      for (const row of fresh) byTag.set(tagOf(row), [...byTag.get(tagOf(row)) ?? [], row.id])
      const stored = new Map(fresh.map((r) => [r.id, r]))

      t.ok(state.records.size >= MIN_PER_ROUTE, `${state.records.size} records were answered 201`)
      t.strictSame([...state.records.keys()].filter((id) => !stored.has(id)), [], 'none of them is missing')
      t.strictSame([...byTag].filter(([, ids]) => ids.length > 1), [], 'no create wrote two rows')
      t.strictSame([...fresh].filter((r) => !state.records.has(r.id) && !state.unansweredCreates.has(tagOf(r))).map((r) => r.complaint), [],
        'no row exists that was not answered 201 (only a create without any answer may have left one)')
      const wrong = [...state.records].flatMap(([id, expected]: [string, ExpectedRecord]) => {
        const row = stored.get(id)
        if (!row || state.uncertain.has(id)) return []
        const diff = diffRecord(row, expected)
        if (row.deletedAt !== null) diff.push('deleted')
        return diff.length > 0 ? [`${id}: ${diff.join('; ')}`] : []
      })
      t.strictSame(wrong.slice(0, 10), [], 'every field as sent by the create and the updates answered 200')
      t.equal(wrong.length, 0, `all ${state.records.size} rows are exact`)
    })

    t.test('every read and write answered 2xx wrote its access-log rows, and nothing else did', async (t) => {
      const logRows = await db<Array<{ rid: string, entry: string }>>`
        select request_id as rid, action || ' ' || record_id || ' ' || actor_user_id || ' ' || actor_role as entry
        from record_access_log where request_id like 'load-%'`
      const actual = new Map<string, string[]>()
      for (const { rid, entry } of logRows) actual.set(rid, [...actual.get(rid) ?? [], entry])
      const mismatches: string[] = []
      for (const rid of new Set([...state.expectedLog.keys(), ...actual.keys()])) {
        if (state.unknownOutcome.has(rid)) continue
        const want = state.expectedLog.get(rid) ?? []
        const got = (actual.get(rid) ?? []).sort()
        if (want.join('\n') !== got.join('\n')) mismatches.push(`${rid}: expected ${JSON.stringify(want)}, logged ${JSON.stringify(got)}`)
      }
      const expectedReads = [...state.expectedLog.values()].flat().filter((e) => e.startsWith('READ ')).length
      const loggedReads = logRows.filter((r) => r.entry.startsWith('READ ')).length
      t.ok(expectedReads > 0, `reads answered 200 imply ${expectedReads} READ rows; ${loggedReads} were written`)
      t.strictSame(mismatches.slice(0, 10), [], 'per request id, exactly the rows its answer implies')
      t.equal(mismatches.length, 0, `all ${state.expectedLog.size} answered requests and ${actual.size} logged request ids agree`)
    })

    t.test(`memory stays flat: last third within ${MAX_GROWTH}× of the second, all under ${MAX_RSS_MB} MB`, async (t) => {
      for (const [name, samples] of rss.samples) {
        t.test(name, { skip: samples.length < 6 && `${samples.length} RSS samples (no /proc on this system?)` }, async (t) => {
          const [first, second, last] = thirds(samples)
          t.comment(`mean RSS by third ${first.toFixed(1)} / ${second.toFixed(1)} / ${last.toFixed(1)} MB`)
          t.ok(last <= second * MAX_GROWTH, `${last.toFixed(1)} MB ≤ ${MAX_GROWTH} × ${second.toFixed(1)} MB`)
          t.ok(Math.max(...samples) < MAX_RSS_MB, `peak ${Math.max(...samples).toFixed(1)} MB < ${MAX_RSS_MB} MB`)
        })
      }
    })
  })
}

// CI has nginx and PostgreSQL and must run this; elsewhere a machine without them skips it.
if (!nginxBin && !process.env.CI) t.plan(0, 'nginx is not installed; set NGINX_BIN to run the load test')
else if (testDatabaseMode() === 'pglite') t.plan(0, 'the load test reads the services\' PostgreSQL databases; REKAM_TEST_DB=pglite')
else if (!(SECONDS > 0)) throw new Error(`LOAD_TEST_SECONDS must be a positive number of seconds, not ${process.env.LOAD_TEST_SECONDS}`)
else main()
