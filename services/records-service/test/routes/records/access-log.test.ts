/** A record's access log: every read and write with actor, role and request id; who may read it; it outlives the record. */
import { and, count, eq, sql } from 'drizzle-orm'
import t from 'tap'
import { medicalRecords, recordAccessLog, recordVersions } from '../../../src/db/schema.js'
import { assertError, assertInvalid } from '@rekam/testing'
import { doctorWithProfile, patientWithProfile, putInCare, rowCounts, signUp, writeRecord, type Person } from '../../helper.js'
import { ACCESS_LOG_KEYS, ids, recordsCast } from './cast.js'

const { stack, app, call, steppedUp, admin, drBeta } = await recordsCast(t)

t.test('the access log: every read and write, with actor, role and request id', async (t) => {
  const p = await patientWithProfile(stack, 'Audited Patient')
  const stranger = await patientWithProfile(stack, 'Stranger Patient')
  const d = await doctorWithProfile(stack, 'dr. Audit')
  await putInCare(stack, d, p.patientId)
  const steps: Array<{ action: string, actor: Person, role: string, requestId: string }> = []
  const step = (action: string, actor: Person, role: string, res: { headers: Record<string, unknown> }) => {
    const requestId = res.headers['x-request-id']
    t.type(requestId, 'string', 'the response carries x-request-id')
    steps.push({ action, actor, role, requestId: requestId as string })
  }

  const created = await call(d, 'POST', '/api/records', { patientId: p.patientId, visitDate: '2026-09-02', complaint: 'Audit me', diagnosis: 'x', treatment: 'y' })
  t.equal(created.statusCode, 201)
  const recordId: string = created.json().data.record.id
  step('CREATE', d, 'DOCTOR', created)
  const sibling = await writeRecord(stack, d, p.patientId, { visitDate: '2026-09-01' })

  const detail = await call(p, 'GET', `/api/records/${recordId}`)
  t.equal(detail.statusCode, 200)
  step('READ', p, 'PATIENT', detail)

  const listed = await call(d, 'GET', `/api/records?patientId=${p.patientId}`)
  t.strictSame(ids(listed), [recordId, sibling.id])
  step('READ', d, 'DOCTOR', listed)

  // An incoming request id (the gateway's) is kept and recorded.
  const traced = await app.inject({ method: 'PATCH', url: `/api/records/${recordId}`, headers: { ...d.headers, 'x-request-id': 'gateway-trace-42' }, payload: { notes: 'audited' } })
  t.equal(traced.statusCode, 200)
  t.equal(traced.headers['x-request-id'], 'gateway-trace-42')
  step('UPDATE', d, 'DOCTOR', traced)

  const adminRead = await call(admin, 'GET', `/api/records/${recordId}`)
  step('READ', admin, 'ADMIN', adminRead)

  // The doctor is named by their profile; the patient and the admin have none in records-service.
  const expected = steps.map((s) => ({ recordId, action: s.action, actorUserId: s.actor.userId, actorRole: s.role, actorName: s.actor === d ? 'dr. Audit' : null, requestId: s.requestId }))
  const asEntries = (res: { json (): any }) => res.json().data.items.map((e: Record<string, unknown>) => ({ recordId: e.recordId, action: e.action, actorUserId: e.actorUserId, actorRole: e.actorRole, actorName: e.actorName, requestId: e.requestId }))

  for (const who of [p, admin]) {
    const before = await rowCounts(stack)
    const log = await call(who, 'GET', `/api/records/${recordId}/access-log`)
    t.equal(log.statusCode, 200, log.body)
    t.strictSame(asEntries(log), expected, 'one entry per access, oldest first')
    t.strictSame({ page: log.json().data.page, limit: log.json().data.limit, total: log.json().data.total }, { page: 1, limit: 20, total: 5 })
    for (const entry of log.json().data.items) t.strictSame(Object.keys(entry).sort(), ACCESS_LOG_KEYS)
    t.strictSame(await rowCounts(stack), before, 'reading the log is not itself logged')
  }

  const paged = await call(p, 'GET', `/api/records/${recordId}/access-log?limit=2&page=2`)
  t.strictSame(asEntries(paged), expected.slice(2, 4))
  t.equal(paged.json().data.total, 5)

  // The list request logged a READ for each record on its page, under the same request id.
  const siblingLog = await call(admin, 'GET', `/api/records/${sibling.id}/access-log`)
  t.strictSame(asEntries(siblingLog).map((e: { action: string, actorUserId: string, requestId: string }) => [e.action, e.actorUserId, e.requestId]).slice(1), [
    ['READ', d.userId, listed.headers['x-request-id']],
  ], 'after its CREATE, the READ of the list request')
  t.equal(siblingLog.json().data.total, 2)

  const deleted = await call(steppedUp(d), 'DELETE', `/api/records/${recordId}`, { reason: 'Audited entry in error' })
  t.equal(deleted.statusCode, 200)
  const deleteEntries = await app.db.select().from(recordAccessLog)
    .where(and(eq(recordAccessLog.recordId, recordId), eq(recordAccessLog.action, 'DELETE')))
  t.strictSame(deleteEntries.map((e) => ({ actorUserId: e.actorUserId, actorRole: e.actorRole, requestId: e.requestId })), [
    { actorUserId: d.userId, actorRole: 'DOCTOR', requestId: deleted.headers['x-request-id'] },
  ], 'the delete is logged')

  t.test('who may read a record\'s log', async (t) => {
    assertError(t, await call(stranger, 'GET', `/api/records/${sibling.id}/access-log`), 403, 'FORBIDDEN', 'This medical record belongs to another patient')
    assertError(t, await call(d, 'GET', `/api/records/${sibling.id}/access-log`), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await call(drBeta, 'GET', `/api/records/${sibling.id}/access-log`), 403, 'FORBIDDEN', 'You do not have permission to do this')
    const noProfile = await signUp(stack.auth, 'PATIENT')
    assertError(t, await call(noProfile, 'GET', `/api/records/${sibling.id}/access-log`), 403, 'FORBIDDEN', 'This medical record belongs to another patient')
    assertError(t, await call(admin, 'GET', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/access-log'), 404, 'NOT_FOUND', 'Medical record not found')
    assertInvalid(t, await call(admin, 'GET', '/api/records/nope/access-log'), 'params.id', 'must match format "uuid"')
    assertInvalid(t, await call(admin, 'GET', `/api/records/${sibling.id}/access-log?actor=me`), 'querystring.actor', "unknown property 'actor'")
    assertInvalid(t, await call(admin, 'GET', `/api/records/${sibling.id}/access-log?limit=101`), 'querystring.limit', 'must be <= 100')
    assertError(t, await call(null, 'GET', `/api/records/${sibling.id}/access-log`), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  })
})

t.test('an audited read writes nothing to the record it reads, and the trail outlives the record', async (t) => {
  const p = await patientWithProfile(stack, 'Unlocked Patient')
  const d = await doctorWithProfile(stack, 'dr. Unlocked')
  const record = await writeRecord(stack, d, p.patientId, { visitDate: '2026-09-03' })
  // xmax of a row is set by whatever locks or deletes it (a foreign-key check locks FOR KEY SHARE).
  const xmax = async () => {
    const rows = await app.db.select({ xmax: sql<string>`xmax::text` }).from(medicalRecords).where(eq(medicalRecords.id, record.id))
    return rows[0]?.xmax
  }
  const before = await xmax()
  t.equal((await call(p, 'GET', `/api/records/${record.id}`)).statusCode, 200)
  t.equal((await call(p, 'GET', '/api/records')).statusCode, 200)
  t.equal((await call(d, 'GET', `/api/records?patientId=${p.patientId}`)).statusCode, 200)
  t.equal(await xmax(), before, 'reading and listing neither lock nor touch the record row')
  const logged = () => app.db.select({ n: count() }).from(recordAccessLog).where(eq(recordAccessLog.recordId, record.id))
  t.equal((await logged())[0]?.n, 4, 'the write and the three reads are in the trail')
  // Records are only ever soft-deleted through the API (hard deletion is the retention purge's,
  // after RETENTION_YEARS); a row removed beneath it, with its versions, keeps its trail.
  await app.db.delete(recordVersions).where(eq(recordVersions.recordId, record.id))
  await app.db.delete(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.equal((await logged())[0]?.n, 4, 'the trail is not erased with the record')
})
