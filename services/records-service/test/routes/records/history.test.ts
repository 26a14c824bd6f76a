import { and, asc, eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { amendmentRequests, deniedAccessCounts, recordAccessLog } from '../../../src/db/schema.js'
import { doctorWithProfile, patientWithProfile, writeRecord } from '../../helper.js'
import { ids, recordsCast } from './cast.js'

const { stack, app, call, steppedUp, admin, drAlpha, drBeta, andi, siti } = await recordsCast(t)

/** The record's access-log rows of one action, oldest first: [actor, purpose, outcome, request id]. */
const logOf = async (recordId: string, action: 'READ' | 'UPDATE' | 'DELETE') =>
  (await app.db.select().from(recordAccessLog).where(and(eq(recordAccessLog.recordId, recordId), eq(recordAccessLog.action, action))).orderBy(asc(recordAccessLog.at)))
    .map((row) => [row.actorUserId, row.purpose, row.outcome, row.requestId])
const NOT_IN_CARE = 'This patient is not in your care: ask to be added to their care team, or use emergency access'

t.test('two PATCHes make three versions; each history read is a READ row with its purpose', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-04-01' })
  const first = await call(drAlpha, 'PATCH', `/api/records/${record.id}`, { diagnosis: 'Bronchitis', reason: 'X-ray result' })
  const second = await call(admin, 'PATCH', `/api/records/${record.id}`, { notes: 'Reviewed', prescription: 'Syrup' })
  t.strictSame([first.statusCode, second.statusCode], [200, 200])
  const created = (await call(admin, 'GET', `/api/records/${record.id}`)).json().data.record
  const base = { visitDate: '2026-04-01', complaint: 'Cough', diagnosis: 'Common cold', treatment: 'Rest', prescription: null, notes: null }
  const unsigned = { signedAt: null, signedBy: null, signature: null, amendsVersion: null, amendmentRequestId: null }

  const reads = await Promise.all([andi, drAlpha, admin].map((who) => call(who, 'GET', `/api/records/${record.id}/history`)))
  const [patientRead] = reads
  t.equal(patientRead!.statusCode, 200, patientRead!.body)
  t.equal(patientRead!.headers['cache-control'], 'no-store')
  const versions = patientRead!.json().data.versions
  t.strictSame(patientRead!.json(), {
    success: true,
    data: {
      versions: [
        { recordId: record.id, version: 1, kind: 'CREATED', status: 'draft', content: base, reason: null, changedBy: { userId: drAlpha.userId, role: 'DOCTOR' }, changedAt: created.createdAt, ...unsigned },
        { recordId: record.id, version: 2, kind: 'UPDATED', status: 'draft', content: { ...base, diagnosis: 'Bronchitis' }, reason: 'X-ray result', changedBy: { userId: drAlpha.userId, role: 'DOCTOR' }, changedAt: versions[1].changedAt, ...unsigned },
        { recordId: record.id, version: 3, kind: 'UPDATED', status: 'draft', content: { ...base, diagnosis: 'Bronchitis', notes: 'Reviewed', prescription: 'Syrup' }, reason: null, changedBy: { userId: admin.userId, role: 'ADMIN' }, changedAt: created.updatedAt, ...unsigned },
      ],
      amendmentRequests: [],
    },
  })
  t.strictSame(reads.map((r) => r.json()), reads.map(() => patientRead!.json()), 'the same history for its patient, its author and an admin')

  const one = await call(andi, 'GET', `/api/records/${record.id}/history/2`)
  t.strictSame(one.json(), { success: true, data: { version: versions[1] } })
  const historyReads = [...reads, one].map((r) => r.headers['x-request-id'])
  const logged = (await logOf(record.id, 'READ')).filter((row) => historyReads.includes(row[3] as string))
  t.strictSame(logged.sort(), [
    [andi.userId, 'PATIENT', 'ALLOWED', reads[0]!.headers['x-request-id']],
    [drAlpha.userId, 'TREATMENT', 'ALLOWED', reads[1]!.headers['x-request-id']],
    [admin.userId, 'ADMIN', 'ALLOWED', reads[2]!.headers['x-request-id']],
    [andi.userId, 'PATIENT', 'ALLOWED', one.headers['x-request-id']],
  ].sort(), 'four history reads, four READ rows with their purposes')

  const before = (await logOf(record.id, 'READ')).length
  assertError(t, await call(andi, 'GET', `/api/records/${record.id}/history/4`), 404, 'NOT_FOUND', 'Record version not found')
  t.equal((await logOf(record.id, 'READ')).length, before, 'an unknown version reads nothing, so logs nothing')
  assertInvalid(t, await call(andi, 'GET', `/api/records/${record.id}/history/0`), 'params.version', 'must be >= 1')
  assertInvalid(t, await call(andi, 'GET', `/api/records/${record.id}/history/two`), 'params.version', 'must be integer')
  assertError(t, await call(andi, 'GET', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/history'), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await call(null, 'GET', `/api/records/${record.id}/history`), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})

t.test('history is refused as the record is: a doctor outside care and another patient get 403, each a DENIED row', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-04-02' })
  const outsider = await doctorWithProfile(stack, 'dr. Outside')
  for (const url of [`/api/records/${record.id}/history`, `/api/records/${record.id}/history/1`]) {
    assertError(t, await call(outsider, 'GET', url), 403, 'FORBIDDEN', NOT_IN_CARE)
    assertError(t, await call(siti, 'GET', url), 403, 'FORBIDDEN', 'This medical record belongs to another patient')
  }
  // A DENIED row's count is kept beside the sealed trail, in denied_access_counts.
  const denied = await app.db.select({ actorUserId: recordAccessLog.actorUserId, action: recordAccessLog.action, reason: recordAccessLog.reason, count: deniedAccessCounts.count })
    .from(recordAccessLog)
    .innerJoin(deniedAccessCounts, and(
      eq(deniedAccessCounts.target, 'RECORD'), eq(deniedAccessCounts.targetId, record.id), eq(deniedAccessCounts.actorUserId, recordAccessLog.actorUserId),
      eq(deniedAccessCounts.action, recordAccessLog.action), eq(deniedAccessCounts.deniedWindow, recordAccessLog.deniedWindow),
    ))
    .where(and(eq(recordAccessLog.recordId, record.id), eq(recordAccessLog.outcome, 'DENIED')))
  t.strictSame(denied.map((row) => [row.actorUserId, row.action, row.reason, row.count]).sort(), [
    [outsider.userId, 'READ', 'NOT_IN_CARE', 2],
    [siti.userId, 'READ', 'NOT_OWNER', 2],
  ].sort(), 'refusals folded per minute, as on the record itself')
  t.strictSame((await logOf(record.id, 'READ')).filter((row) => row[2] === 'ALLOWED'), [], 'nothing read')
})

t.test('under emergency access the history read is an EMERGENCY read', async (t) => {
  const patient = await patientWithProfile(stack, 'Emergency History')
  const record = await writeRecord(stack, drAlpha, patient.patientId, { visitDate: '2026-04-03' })
  assertError(t, await call(drBeta, 'GET', `/api/records/${record.id}/history`), 403, 'FORBIDDEN', NOT_IN_CARE)
  const grant = await call(steppedUp(drBeta), 'POST', `/api/patients/${patient.patientId}/emergency-access`, { reason: 'Unconscious on arrival; checking allergies and medication' })
  t.equal(grant.statusCode, 201, grant.body)
  const res = await call(drBeta, 'GET', `/api/records/${record.id}/history`)
  t.equal(res.statusCode, 200, res.body)
  t.strictSame((await logOf(record.id, 'READ')).filter((row) => row[3] === res.headers['x-request-id']), [[drBeta.userId, 'EMERGENCY', 'ALLOWED', res.headers['x-request-id']]])
})

t.test('a deleted record: absent from lists, in its history; its patient and admins read it, doctors get 404', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-04-04' })
  const removed = await call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, { reason: 'Wrong patient' })
  t.equal(removed.statusCode, 200, removed.body)
  for (const who of [andi, drAlpha, admin]) t.notOk(ids(await call(who, 'GET', `/api/records?patientId=${andi.patientId}&limit=100`)).includes(record.id), 'not listed')
  for (const who of [andi, admin]) {
    const history = await call(who, 'GET', `/api/records/${record.id}/history`)
    t.equal(history.statusCode, 200, history.body)
    t.strictSame(history.json().data.versions.map((v: { version: number, kind: string, status: string, reason: string | null }) => [v.version, v.kind, v.status, v.reason]), [
      [1, 'CREATED', 'draft', null],
      [2, 'ENTERED_IN_ERROR', 'entered-in-error', 'Wrong patient'],
    ])
    t.match((await call(who, 'GET', `/api/records/${record.id}`)).json().data.record, { status: 'entered-in-error', errorReason: 'Wrong patient', version: 2 })
    t.equal((await call(who, 'GET', `/api/records/${record.id}/history/1`)).statusCode, 200)
  }
  for (const url of [`/api/records/${record.id}`, `/api/records/${record.id}/history`, `/api/records/${record.id}/history/1`]) {
    assertError(t, await call(drAlpha, 'GET', url), 404, 'NOT_FOUND', 'Medical record not found')
  }
})

t.test('the patient\'s amendment requests show in the history', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-04-05' })
  const createdAt = new Date('2026-04-06T08:00:00.000Z')
  const [request] = await app.db.insert(amendmentRequests).values({ recordId: record.id, patientId: andi.patientId, requestedByUserId: andi.userId, text: 'My allergy is to penicillin, not aspirin', createdAt }).returning()
  const res = await call(andi, 'GET', `/api/records/${record.id}/history`)
  t.strictSame(res.json().data.amendmentRequests, [{
    id: request!.id,
    recordId: record.id,
    patientId: andi.patientId,
    text: 'My allergy is to penicillin, not aspirin',
    status: 'PENDING',
    createdAt: createdAt.toISOString(),
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    resultingVersion: null,
  }])
})
