import { eq } from 'drizzle-orm'
import t from 'tap'
import { medicalRecords } from '../../../src/db/schema.js'
import { assertError, assertInvalid, optionalField } from '@rekam/testing'
import { putInCare, signUp, writeRecord } from '../../helper.js'
import { ids, recordsCast } from './cast.js'

const { stack, app, call, steppedUp, withoutWriting, admin, drAlpha, drBeta, andi, siti } = await recordsCast(t)
// dr. Alpha treats Andi (a doctor writes only for patients in their care: care-matrix.test.ts).
await putInCare(stack, drAlpha, andi.patientId)
const WHY = { reason: 'Written in the wrong chart' }

t.test('POST /api/records', async (t) => {
  const full = { patientId: andi.patientId, visitDate: '2026-06-01', complaint: 'Back pain', diagnosis: 'Strain', treatment: 'Physiotherapy', prescription: 'Ibuprofen', notes: 'Lifting at work' }

  t.test('a DOCTOR creates as themselves: 201 with their doctorId', async (t) => {
    const res = await call(drAlpha, 'POST', '/api/records', full)
    t.equal(res.statusCode, 201, res.body)
    t.equal(res.headers['cache-control'], 'no-store')
    t.equal(res.headers.etag, '"1"', 'the version as a strong ETag')
    const body = res.json()
    t.equal(body.message, 'Medical record created')
    const { record } = body.data
    t.match(record, { ...full, doctorId: drAlpha.doctorId, version: 1, status: 'draft', signedAt: null, signedBy: null, signature: null, errorReason: null })
    t.strictSame(record.doctor, { id: drAlpha.doctorId, fullName: 'dr. Alpha', specialization: 'Cardiology' })
    t.strictSame(record.patient, { id: andi.patientId, fullName: 'Andi Records', dateOfBirth: '1990-01-01' })
    t.equal(record.createdAt, record.updatedAt)
    const [stored] = await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, record.id))
    t.equal(stored?.doctorId, drAlpha.doctorId, 'stored under the doctor')

    const minimal = await call(drAlpha, 'POST', '/api/records', { patientId: andi.patientId, visitDate: '2026-06-02', complaint: 'a', diagnosis: 'b', treatment: 'c' })
    t.equal(minimal.statusCode, 201)
    t.match(minimal.json().data.record, { prescription: null, notes: null })

    const namingSelf = await call(drAlpha, 'POST', '/api/records', { ...full, doctorId: drAlpha.doctorId })
    t.equal(namingSelf.statusCode, 201, 'naming their own doctorId is fine')
  })

  t.test('refusals write nothing', async (t) => {
    assertError(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { ...full, doctorId: drBeta.doctorId })), 403, 'FORBIDDEN', 'Doctors write records only in their own name')
    const noProfile = await signUp(stack.auth, 'DOCTOR')
    assertError(t, await withoutWriting(t, () => call(noProfile, 'POST', '/api/records', full)), 403, 'FORBIDDEN', 'Create your doctor profile first (PUT /api/doctors/me)')
    assertError(t, await withoutWriting(t, () => call(andi, 'POST', '/api/records', full)), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await withoutWriting(t, () => call(andi, 'POST', '/api/records', { ...full, doctorId: drAlpha.doctorId })), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await withoutWriting(t, () => call(null, 'POST', '/api/records', full)), 401, 'UNAUTHORIZED', 'A bearer access token is required')
    assertError(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { ...full, patientId: '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c' })), 404, 'NOT_FOUND', 'Patient not found')
  })

  t.test('an ADMIN names the doctor', async (t) => {
    assertError(t, await withoutWriting(t, () => call(admin, 'POST', '/api/records', full)), 400, 'VALIDATION_ERROR', 'body.doctorId is required when an admin creates a record', [{ field: 'body.doctorId', message: 'is required for admins' }])
    assertError(t, await withoutWriting(t, () => call(admin, 'POST', '/api/records', { ...full, doctorId: '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c' })), 404, 'NOT_FOUND', 'Doctor not found')
    assertError(t, await withoutWriting(t, () => call(admin, 'POST', '/api/records', { ...full, doctorId: drBeta.doctorId, patientId: '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c' })), 404, 'NOT_FOUND', 'Patient not found')

    const res = await call(admin, 'POST', '/api/records', { ...full, doctorId: drBeta.doctorId })
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json().data.record, { ...full, doctorId: drBeta.doctorId, doctor: { id: drBeta.doctorId, fullName: 'dr. Beta' } })
  })

  t.test('invalid bodies: 400 and nothing written', async (t) => {
    for (const field of ['patientId', 'visitDate', 'complaint', 'diagnosis', 'treatment']) {
      const body: Record<string, unknown> = { ...full }
      delete body[field]
      assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', body)), `body.${field}`, `must have required property '${field}'`)
    }
    assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { ...full, deletedAt: null })), 'body.deletedAt', "unknown property 'deletedAt'")
    assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { complaint: 123 })), 'body.patientId', "must have required property 'patientId'")
    // A number is not coerced to text.
    assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { ...full, complaint: 123 })), 'body.complaint', 'must be string')
    for (const [name, patch, field, rules] of [
      ['empty complaint', { complaint: '' }, 'body.complaint', 'must NOT have fewer than 1 characters'],
      ['impossible date', { visitDate: '2026-02-30' }, 'body.visitDate', 'must match format "date"'],
      ['date-time instead of date', { visitDate: '2026-06-01T10:00:00Z' }, 'body.visitDate', 'must NOT have more than 10 characters'],
      ['non-uuid patientId', { patientId: 'andi' }, 'body.patientId', 'must match format "uuid"'],
      ['empty prescription', { prescription: '' }, 'body.prescription', optionalField('must NOT have fewer than 1 characters')],
      ['too long complaint', { complaint: 'x'.repeat(2001) }, 'body.complaint', 'must NOT have more than 2000 characters'],
    ] as const) {
      t.comment(name)
      assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'POST', '/api/records', { ...full, ...patch })), field, rules)
    }
    assertError(t, await withoutWriting(t, () => app.inject({ method: 'POST', url: '/api/records', headers: { ...drAlpha.headers, 'content-type': 'application/json' }, payload: '{"patientId":' })), 400, 'BAD_REQUEST', 'The request body is not valid JSON')
    assertError(t, await withoutWriting(t, () => app.inject({ method: 'POST', url: '/api/records', headers: { ...drAlpha.headers, 'content-type': 'text/plain' }, payload: 'hello' })), 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be JSON: send it with content-type: application/json')
  })
})

t.test('PATCH /api/records/:id', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-07-01', prescription: 'Syrup' })
  const read = async () => (await call(admin, 'GET', `/api/records/${record.id}`)).json().data.record
  const original = await read()

  await new Promise((resolve) => setTimeout(resolve, 5))
  const res = await call(drAlpha, 'PATCH', `/api/records/${record.id}`, { diagnosis: 'Bronchitis', prescription: null })
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.json().message, 'Medical record updated')
  const updated = res.json().data.record
  t.strictSame(updated, { ...original, diagnosis: 'Bronchitis', prescription: null, updatedAt: updated.updatedAt, version: 2 }, 'only the sent fields change, and the version')
  t.equal(res.headers.etag, '"2"')
  t.ok(Date.parse(updated.updatedAt) > Date.parse(original.updatedAt), 'updatedAt moves forward')
  t.equal(updated.createdAt, original.createdAt)

  const before = await read()
  assertError(t, await withoutWriting(t, () => call(drBeta, 'PATCH', `/api/records/${record.id}`, { diagnosis: 'Hijacked' })), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
  assertError(t, await withoutWriting(t, () => call(andi, 'PATCH', `/api/records/${record.id}`, { diagnosis: 'Self-diagnosed' })), 403, 'FORBIDDEN', 'You do not have permission to do this')
  const noProfile = await signUp(stack.auth, 'DOCTOR')
  assertError(t, await withoutWriting(t, () => call(noProfile, 'PATCH', `/api/records/${record.id}`, { diagnosis: 'x' })), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
  assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, {})), 'body', 'must NOT have fewer than 1 properties')
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { patientId: siti.patientId })), 400, 'VALIDATION_ERROR', /unknown property 'patientId'/, [{ field: 'body.patientId', message: "unknown property 'patientId'" }])
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { doctorId: drBeta.doctorId })), 400, 'VALIDATION_ERROR', /unknown property 'doctorId'/, [{ field: 'body.doctorId', message: "unknown property 'doctorId'" }])
  assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { complaint: 7 })), 'body.complaint', 'must be string')
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c', { diagnosis: 'x' })), 404, 'NOT_FOUND', 'Medical record not found')
  assertInvalid(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', '/api/records/nope', { diagnosis: 'x' })), 'params.id', 'must match format "uuid"')
  t.strictSame(await read(), before, 'the refused changes left the record as it was')

  const byAdmin = await call(admin, 'PATCH', `/api/records/${record.id}`, { notes: 'Reviewed by admin', visitDate: '2026-07-02' })
  t.equal(byAdmin.statusCode, 200, byAdmin.body)
  t.match(byAdmin.json().data.record, { notes: 'Reviewed by admin', visitDate: '2026-07-02', doctorId: drAlpha.doctorId, diagnosis: 'Bronchitis' })
})

t.test('DELETE /api/records/:id', async (t) => {
  const record = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-01', complaint: 'To be deleted' })
  const other = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-08-02' })
  // Deleting asks for a recent second factor (test/routes/records/step-up.test.ts); the rules below come after it.

  assertError(t, await withoutWriting(t, () => call(steppedUp(drBeta), 'DELETE', `/api/records/${record.id}`, WHY)), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
  assertError(t, await withoutWriting(t, () => call(andi, 'DELETE', `/api/records/${record.id}`, WHY)), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await withoutWriting(t, () => call(null, 'DELETE', `/api/records/${record.id}`, WHY)), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  t.equal((await call(andi, 'GET', `/api/records/${record.id}`)).statusCode, 200, 'still there after the refusals')

  const res = await call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, WHY)
  t.equal(res.statusCode, 200, res.body)
  t.strictSame(res.json(), { success: true, data: null, message: 'Medical record entered in error' })

  // A deleted record stays readable by id for its patient and admins (with deletedAt), not for doctors.
  assertError(t, await call(drAlpha, 'GET', `/api/records/${record.id}`), 404, 'NOT_FOUND', 'Medical record not found')
  for (const who of [andi, admin]) {
    const read = await call(who, 'GET', `/api/records/${record.id}`)
    t.equal(read.statusCode, 200, read.body)
    t.match(read.json().data.record, { id: record.id, complaint: 'To be deleted', deletedAt: /^\d{4}-\d{2}-\d{2}T/, status: 'entered-in-error', errorReason: WHY.reason, version: 2 })
    t.equal(read.headers.etag, '"2"')
    t.equal((await call(who, 'GET', `/api/records/${record.id}/access-log`)).statusCode, 200, 'and so is its trail')
  }
  for (const who of [andi, drAlpha, admin]) {
    const list = await call(who, 'GET', `/api/records?patientId=${andi.patientId}&limit=100`)
    t.notOk(ids(list).includes(record.id), 'no longer listed')
    t.ok(ids(list).includes(other.id))
  }
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { notes: 'x' })), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await withoutWriting(t, () => call(steppedUp(drAlpha), 'DELETE', `/api/records/${record.id}`, WHY)), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await withoutWriting(t, () => call(steppedUp(admin), 'DELETE', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c', WHY)), 404, 'NOT_FOUND', 'Medical record not found')

  const [kept] = await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.ok(kept?.deletedAt instanceof Date, 'the row is kept, hidden, for the audit trail')
  t.equal(kept?.complaint, 'To be deleted')

  const byAdmin = await call(steppedUp(admin), 'DELETE', `/api/records/${other.id}`, WHY)
  t.equal(byAdmin.statusCode, 200, byAdmin.body)
  t.equal((await call(andi, 'GET', `/api/records/${other.id}`)).json().data.record.deletedAt, kept && (await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, other.id)))[0]?.deletedAt?.toISOString())
})
