import { grantServiceRole, rowsOf, sealLockKey } from '@rekam/db'
import { assertError, checkTamperEvidence, type TrailAnswer } from '@rekam/testing'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import t from 'tap'
import { auditTables } from '../../../src/db/audit-trails.js'
import { buildStaticStack, doctorWithProfile, patientWithProfile, signUp, writeRecord, type Person } from '../../helper.js'

// The sealer's timer never runs during the test: it seals when the test says.
const stack = await buildStaticStack(t, { recordsEnv: { AUDIT_SEAL_INTERVAL: '86400' } })
const app = stack.records
const admin = await signUp(stack.auth, 'ADMIN')
const doctor = await doctorWithProfile(stack, 'dr. Sealed')
const patient = await patientWithProfile(stack, 'Sealed Patient')
const record = await writeRecord(stack, doctor, patient.patientId)

const verify = (who: Pick<Person, 'headers'> = admin) => app.inject({ method: 'GET', url: '/api/audit/verify', headers: who.headers })
const readRecord = (who: Pick<Person, 'headers'> = patient) => app.inject({ method: 'GET', url: `/api/records/${record.id}`, headers: who.headers })
const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await app.db.execute(query))[0]?.n)
const rowsIn = (table: string) => count(sql`select count(*)::int as n from ${sql.identifier(table)}`)
const pendingIn = (table: string) => count(sql`select count(*)::int as n from ${sql.identifier(table)} l
  where not exists (select 1 from audit_seals s where l.id = any(s.member_ids))`)

t.test('GET /api/audit/verify: the trails, sealed and intact, for admins only', async (t) => {
  await readRecord()
  t.equal((await app.inject({ method: 'GET', url: `/api/patients/${patient.patientId}`, headers: admin.headers })).statusCode, 200)
  const [records, profiles] = [await rowsIn('record_access_log'), await rowsIn('patient_access_log')]
  t.ok(records > 0 && profiles > 0, 'both trails have rows')
  const res = await verify()
  t.equal(res.statusCode, 200, res.body)
  const { data } = res.json()
  t.match(data, { checkedAt: /^\d{4}-\d\d-\d\dT/, trails: [{ head: { sealHash: /^[0-9a-f]{64}$/ } }, { head: { sealHash: /^[0-9a-f]{64}$/ } }] })
  const trail = (name: string, rows: number) => ({ trail: name, rows, sealedRows: rows, pendingRows: 0, seals: 1, head: { seq: 1, sealHash: 'hex' }, firstMismatch: null })
  t.strictSame({
    ...data,
    checkedAt: 'time',
    trails: data.trails.map((r: { head: object }) => ({ ...r, head: { ...r.head, sealHash: 'hex' } })),
  }, { intact: true, checkedAt: 'time', trails: [trail('record_access_log', records), trail('patient_access_log', profiles)] })

  assertError(t, await app.inject({ method: 'GET', url: '/api/audit/verify' }), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  assertError(t, await verify(patient), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await verify(doctor), 403, 'FORBIDDEN', 'You do not have permission to do this')
})

t.test('rows after the last seal are pending until the next run; the run seals only new rows', async (t) => {
  await app.auditSealer.seal({ full: true })
  await readRecord()
  await readRecord(admin)
  t.equal(await pendingIn('record_access_log'), 2, 'two pending reads')
  t.equal(await app.auditSealer.seal(), 2, 'the timer\'s run seals them (the window after the last seal)')
  t.equal(await pendingIn('record_access_log'), 0)
  t.equal(await app.auditSealer.seal(), 0, 'a run with nothing pending writes nothing')
})

t.test('PostgreSQL: late commits, readers never wait on the sealer, and tampering', { skip: !app.config.DATABASE_URL && 'needs PostgreSQL' }, async (t) => {
  const url = app.config.DATABASE_URL!
  const other = postgres(url, { max: 2, onnotice: () => {} })
  t.teardown(() => other.end({ timeout: 1 }))

  // A slow audited transaction: its row is older than rows sealed before it commits.
  let lateId = ''
  await other.begin(async (tx) => {
    const [row] = await tx`insert into record_access_log (record_id, actor_user_id, actor_role, action, purpose)
      values (${record.id}, ${admin.userId}, 'ADMIN', 'READ', 'ADMIN') returning id::text`
    lateId = row!.id
    t.equal((await readRecord()).statusCode, 200, 'another audited read meanwhile')
    const during = (await verify()).json().data.trails[0]
    t.match(during, { trail: 'record_access_log', pendingRows: 0, firstMismatch: null }, 'the uncommitted row is invisible, not a mismatch')
  })
  t.equal(await pendingIn('record_access_log'), 1, 'committed late: pending')
  t.ok(await app.auditSealer.seal() >= 1, 'the next run seals it (its time is within the window)')
  t.equal(await count(sql`select count(*)::int as n from audit_seals where ${lateId}::uuid = any(member_ids)`), 1)
  t.equal((await verify()).json().data.intact, true)

  // The sealer's lock held: audited reads go on (they take no lock the sealer holds).
  await other.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${sealLockKey('record_access_log').toString()}::bigint)`
    const reads = Promise.all([readRecord(), readRecord(admin)])
    const timeout = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5000).unref())
    const answers = await Promise.race([reads, timeout])
    t.not(answers, 'waited', 'two concurrent reads finish while a sealer holds the trail\'s lock')
    if (answers !== 'waited') t.strictSame(answers.map((res) => res.statusCode), [200, 200])
  })

  const answer = async (): Promise<TrailAnswer[]> => (await verify()).json().data.trails
  await checkTamperEvidence(t, { url, table: 'record_access_log', verify: answer, grant: (role) => grantServiceRole(app.database, role, auditTables) })
})

t.test('PGlite: sealing, verification and the insert-only triggers work embedded', async (t) => {
  const embedded = await buildStaticStack(t, { database: 'pglite' })
  const who = await signUp(embedded.auth, 'ADMIN')
  const dr = await doctorWithProfile(embedded, 'dr. Embedded')
  const owner = await patientWithProfile(embedded, 'Embedded Patient')
  const written = await writeRecord(embedded, dr, owner.patientId)
  t.equal((await embedded.records.inject({ method: 'GET', url: `/api/records/${written.id}`, headers: who.headers })).statusCode, 200)
  const res = await embedded.records.inject({ method: 'GET', url: '/api/audit/verify', headers: who.headers })
  t.match(res.json().data, { intact: true, trails: [{ trail: 'record_access_log', pendingRows: 0, seals: 1 }, { trail: 'patient_access_log' }] })
  await t.rejects(embedded.records.db.execute(sql`update record_access_log set reason = 'edited'`), { cause: { message: /record_access_log is an audit trail/ } }, 'an update refused')
  await t.rejects(embedded.records.db.execute(sql`delete from audit_seals`), { cause: { message: /audit_seals is an audit trail/ } }, 'a delete refused')
})
