import { and, asc, eq } from 'drizzle-orm'
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { medicalRecords, recordAccessLog, recordVersions } from '../../../src/db/schema.js'
import { putInCare, writeRecord, type Person } from '../../helper.js'
import { recordsCast } from './cast.js'

const { stack, app, call, steppedUp, withoutWriting, admin, drAlpha, drBeta, andi } = await recordsCast(t)
await putInCare(stack, drAlpha, andi.patientId)

/** A change with an If-Match header (the cast's `call` sends none). */
const send = (who: Pick<Person, 'headers'>, method: 'PATCH' | 'DELETE', id: string, payload: object, ifMatch?: string) =>
  app.inject({ method, url: `/api/records/${id}`, headers: { ...who.headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) }, payload })
const versionsOf = async (id: string) =>
  (await app.db.select().from(recordVersions).where(eq(recordVersions.recordId, id)).orderBy(asc(recordVersions.version)))
const stale = (current: number): [string, Array<{ field: string, message: string }>] =>
  [`The record changed since you read it: current version is ${current}`, [{ field: 'headers.if-match', message: `current version is ${current}` }]]

t.test('PATCH writes the next version with its reason, in the transaction of its audit row', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-01' })
  const first = await send(drAlpha, 'PATCH', record.id, { diagnosis: 'Bronchitis', reason: 'X-ray result' }, '"1"')
  t.equal(first.statusCode, 200, first.body)
  t.equal(first.headers.etag, '"2"')
  t.match(first.json().data.record, { version: 2, status: 'draft', diagnosis: 'Bronchitis' })
  const second = await send(admin, 'PATCH', record.id, { notes: 'Reviewed' }, '*')
  t.equal(second.statusCode, 200, second.body)
  t.equal(second.headers.etag, '"3"')

  const rows = await versionsOf(record.id)
  t.strictSame(rows.map((v) => [v.version, v.kind, v.status, v.reason, v.changedByUserId, v.changedByRole]), [
    [1, 'CREATED', 'draft', null, drAlpha.userId, 'DOCTOR'],
    [2, 'UPDATED', 'draft', 'X-ray result', drAlpha.userId, 'DOCTOR'],
    [3, 'UPDATED', 'draft', null, admin.userId, 'ADMIN'],
  ])
  t.strictSame(rows.map((v) => [v.content.diagnosis, v.content.notes]), [['Common cold', null], ['Bronchitis', null], ['Bronchitis', 'Reviewed']], 'each version keeps the full content after its change')
  const [stored] = await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.equal(stored?.version, 3)
  t.equal(rows[2]?.changedAt.toISOString(), stored?.updatedAt.toISOString(), 'the version is dated as the change')
  const updates = await app.db.select().from(recordAccessLog).where(and(eq(recordAccessLog.recordId, record.id), eq(recordAccessLog.action, 'UPDATE')))
  t.strictSame(updates.map((row) => row.requestId).sort(), [first.headers['x-request-id'], second.headers['x-request-id']].sort(), 'one UPDATE row per version')
})

t.test('If-Match: the current version or * changes the record; anything else is 412 and writes nothing', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-02' })
  t.equal((await send(drAlpha, 'PATCH', record.id, { notes: 'one' })).statusCode, 200, 'If-Match is optional')
  for (const header of ['"1"', '"3"', 'W/"2"', '2', '"two"', '"2', '', '"02"', '"1", W/"2"']) {
    t.comment(`If-Match: ${header}`)
    assertError(t, await withoutWriting(t, () => send(drAlpha, 'PATCH', record.id, { notes: 'stale' }, header)), 412, 'PRECONDITION_FAILED', ...stale(2))
  }
  assertError(t, await withoutWriting(t, () => send(steppedUp(drAlpha), 'DELETE', record.id, { reason: 'Wrong chart' }, '"1"')), 412, 'PRECONDITION_FAILED', ...stale(2))
  const listed = await send(drAlpha, 'PATCH', record.id, { notes: 'two' }, '"1", "2"')
  t.equal(listed.statusCode, 200, 'a list matches when one of its tags does')
  t.equal(listed.headers.etag, '"3"')
  t.equal((await send(drAlpha, 'PATCH', record.id, { notes: 'three' }, ' * ')).statusCode, 200)
  t.equal((await call(andi, 'GET', `/api/records/${record.id}`)).headers.etag, '"4"', 'a read carries the version it read')
  t.match((await app.inject({ method: 'GET', url: '/api/records/docs/json' })).json().paths['/api/records/{id}'].patch.responses, {
    200: { headers: { etag: { schema: { type: 'string' } } } },
    409: { description: /RECORD_FINAL/ },
    412: { description: /PRECONDITION_FAILED/ },
  }, 'the document names the ETag, 409 and 412')
})

t.test('two changes on one version: one wins, the other is 412 and nothing is lost', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-03' })
  const answers = await Promise.all([
    send(drAlpha, 'PATCH', record.id, { diagnosis: 'Asthma' }, '"1"'),
    send(admin, 'PATCH', record.id, { diagnosis: 'Allergy' }, '"1"'),
  ])
  t.strictSame(answers.map((a) => a.statusCode).sort(), [200, 412], answers.map((a) => a.body).join('\n'))
  const winner = answers.find((a) => a.statusCode === 200)!.json().data.record
  const rows = await versionsOf(record.id)
  t.strictSame(rows.map((v) => [v.version, v.content.diagnosis]), [[1, 'Common cold'], [2, winner.diagnosis]])
  t.equal(answers.find((a) => a.statusCode === 412)!.json().error.message, stale(2)[0])

  // Without If-Match both apply, one after the other: two versions, none overwritten.
  const both = await Promise.all([send(drAlpha, 'PATCH', record.id, { notes: 'a' }), send(admin, 'PATCH', record.id, { treatment: 'b' })])
  t.strictSame(both.map((a) => a.statusCode), [200, 200])
  t.strictSame((await versionsOf(record.id)).map((v) => v.version), [1, 2, 3, 4])
  t.match((await call(admin, 'GET', `/api/records/${record.id}`)).json().data.record, { notes: 'a', treatment: 'b', version: 4 })
})

t.test('PATCH: a reason alone changes nothing; a long reason is refused', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-04' })
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { reason: 'just because' })), 400, 'VALIDATION_ERROR',
    'body must change at least one field of the record (a reason alone changes nothing)', [{ field: 'body', message: 'must change at least one field besides reason' }])
  assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { notes: 'x', reason: 'r'.repeat(501) })), 'body.reason', 'must NOT have more than 500 characters')
  assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { notes: 'x', reason: '' })), 'body.reason', 'must NOT have fewer than 1 characters')
})

t.test('a final (signed) record refuses PATCH with 409 RECORD_FINAL; it may still be entered in error', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-05' })
  // Signing is its own route; here the record is made final as signing leaves it, with version 2 SIGNED.
  const signedAt = new Date('2026-03-05T10:00:00.000Z')
  const signature = 'eyJhbGciOiJFUzI1NiJ9..c2lnbmF0dXJl'
  const [final] = await app.db.update(medicalRecords).set({ status: 'final', version: 2, signedAt, signedByUserId: drAlpha.userId, signature })
    .where(eq(medicalRecords.id, record.id)).returning()
  await app.recordVersionsRepository.append(final!, { kind: 'SIGNED', actor: { userId: drAlpha.userId, role: 'DOCTOR' }, at: signedAt })

  const amendment = 'This record is signed, so it changes only by amendment: use POST /api/records/:id/amendments with the changes and a reason'
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { notes: 'x' })), 409, 'RECORD_FINAL', amendment)
  assertError(t, await withoutWriting(t, () => send(admin, 'PATCH', record.id, { notes: 'x' }, '"2"')), 409, 'RECORD_FINAL', amendment)
  assertError(t, await withoutWriting(t, () => call(drBeta, 'PATCH', `/api/records/${record.id}`, { notes: 'x' })), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')

  const removed = await send(steppedUp(drAlpha), 'DELETE', record.id, { reason: 'Signed in the wrong chart' }, '"2"')
  t.equal(removed.statusCode, 200, removed.body)
  t.equal(removed.headers.etag, '"3"')
  const rows = await versionsOf(record.id)
  t.strictSame(rows.map((v) => [v.version, v.kind, v.status, v.signature, v.signedByUserId, v.reason]), [
    [1, 'CREATED', 'draft', null, null, null],
    [2, 'SIGNED', 'final', signature, drAlpha.userId, null],
    [3, 'ENTERED_IN_ERROR', 'entered-in-error', null, null, 'Signed in the wrong chart'],
  ], 'the signature stays on the signed version')
  t.match((await call(admin, 'GET', `/api/records/${record.id}`)).json().data.record, { version: 3, status: 'entered-in-error', errorReason: 'Signed in the wrong chart', signature: null, signedAt: null, signedBy: null })
})

t.test('DELETE enters the record in error: a reason is required, and the record is hidden, never erased', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-03-06' })
  assertInvalid(t, await withoutWriting(t, () => call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`)), 'body', 'must be object')
  assertInvalid(t, await withoutWriting(t, () => call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, {})), 'body.reason', "must have required property 'reason'")
  assertInvalid(t, await withoutWriting(t, () => call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, { reason: 'no' })), 'body.reason', 'must NOT have fewer than 3 characters')
  assertInvalid(t, await withoutWriting(t, () => call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, { reason: 'x'.repeat(501) })), 'body.reason', 'must NOT have more than 500 characters')

  const res = await send(steppedUp(drAlpha), 'DELETE', record.id, { reason: 'Duplicate of the morning visit' }, '"1"')
  t.strictSame(res.json(), { success: true, data: null, message: 'Medical record entered in error' })
  const [row] = await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.match(row, { version: 2, status: 'entered-in-error', errorReason: 'Duplicate of the morning visit', deletedAt: Date })
  t.strictSame((await versionsOf(record.id)).map((v) => [v.kind, v.reason, v.changedAt.toISOString()]), [
    ['CREATED', null, (await versionsOf(record.id))[0]!.changedAt.toISOString()],
    ['ENTERED_IN_ERROR', 'Duplicate of the morning visit', row!.deletedAt!.toISOString()],
  ])
  assertError(t, await withoutWriting(t, () => send(steppedUp(drAlpha), 'DELETE', record.id, { reason: 'Again' })), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await withoutWriting(t, () => send(admin, 'PATCH', record.id, { notes: 'x' })), 404, 'NOT_FOUND', 'Medical record not found')
})
