/** Reading a record (GET /api/records/:id), and that a patient never sees anything of another patient. */
import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { doctorWithProfile, patientWithProfile, putInCare, writeRecord } from '../../helper.js'
import { RECORD_KEYS, ids, recordsCast } from './cast.js'

const { stack, call, admin, drAlpha, drBeta, andi, siti } = await recordsCast(t)

t.test('GET /api/records/:id', async (t) => {
  const mine = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-05-05', prescription: 'Vitamin C', notes: 'Come back in a week' })
  const theirs = await writeRecord(stack, drBeta, siti.patientId, { complaint: 'Siti private complaint', diagnosis: 'Siti private diagnosis' })

  const own = await call(andi, 'GET', `/api/records/${mine.id}`)
  t.equal(own.statusCode, 200, own.body)
  t.equal(own.headers['cache-control'], 'no-store')
  t.equal(own.headers.etag, '"1"', 'the version as a strong ETag')
  const record = own.json().data.record
  t.match(record, {
    id: mine.id,
    patientId: andi.patientId,
    doctorId: drAlpha.doctorId,
    visitDate: '2026-05-05',
    complaint: 'Cough',
    diagnosis: 'Common cold',
    treatment: 'Rest',
    prescription: 'Vitamin C',
    notes: 'Come back in a week',
    doctor: { id: drAlpha.doctorId, fullName: 'dr. Alpha', specialization: 'Cardiology' },
    version: 1,
    status: 'draft',
    signedAt: null,
    signedBy: null,
    signature: null,
    errorReason: null,
  })
  t.strictSame(Object.keys(record).sort(), RECORD_KEYS, 'a patient gets no patient key')

  // Staff: an admin, and a doctor in the patient's care (care-matrix.test.ts has the doctors outside it).
  await putInCare(stack, drBeta, andi.patientId)
  for (const who of [drBeta, admin]) {
    const staff = await call(who, 'GET', `/api/records/${mine.id}`)
    t.equal(staff.statusCode, 200, 'an admin, and a doctor in care, read the record')
    t.strictSame(staff.json().data.record.patient, { id: andi.patientId, fullName: 'Andi Records', dateOfBirth: '1990-01-01' })
  }

  const forbidden = await call(andi, 'GET', `/api/records/${theirs.id}`)
  assertError(t, forbidden, 403, 'FORBIDDEN', 'This medical record belongs to another patient')
  for (const secret of ['Siti', theirs.id.slice(0, 8), siti.patientId, drBeta.doctorId, 'dr. Beta']) {
    t.notOk(forbidden.body.includes(secret), `403 body leaks nothing: ${secret}`)
  }

  assertError(t, await call(andi, 'GET', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await call(drAlpha, 'GET', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'), 404, 'NOT_FOUND', 'Medical record not found')
  assertInvalid(t, await call(drAlpha, 'GET', '/api/records/not-a-uuid'), 'params.id', 'must match format "uuid"')
  assertError(t, await call(null, 'GET', `/api/records/${mine.id}`), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})

t.test('Patient A can never see anything of patient B: by id, by list filter, or by access log', async (t) => {
  const a = await patientWithProfile(stack, 'Alice Private')
  const b = await patientWithProfile(stack, 'Bob Confidential')
  const doctor = await doctorWithProfile(stack, 'dr. Shared', 'Oncology')
  const aRecord = await writeRecord(stack, doctor, a.patientId, { visitDate: '2026-10-01', complaint: 'Alice complaint' })
  const bRecord = await writeRecord(stack, doctor, b.patientId, { visitDate: '2026-10-01', complaint: 'Bob secret complaint', diagnosis: 'Bob secret diagnosis', notes: 'Bob secret notes' })
  const bSecrets = ['Bob', 'Confidential', 'secret', bRecord.id, b.patientId, b.userId]

  const responses = [
    await call(a, 'GET', `/api/records/${bRecord.id}`),
    await call(a, 'GET', `/api/records?patientId=${b.patientId}`),
    await call(a, 'GET', `/api/records?patientId=${b.patientId}&doctorId=${doctor.doctorId}&from=2026-10-01&to=2026-10-01`),
    await call(a, 'GET', `/api/records/${bRecord.id}/access-log`),
    await call(a, 'GET', `/api/patients/${b.patientId}`),
    await call(a, 'GET', '/api/patients?search=Bob'),
    await call(a, 'PATCH', `/api/records/${bRecord.id}`, { notes: 'mine now' }),
    await call(a, 'DELETE', `/api/records/${bRecord.id}`, { reason: 'Not mine to remove' }),
  ]
  for (const res of responses) {
    t.equal(res.statusCode, 403, `${res.statusCode} ${res.body}`)
    t.equal(res.json().error.code, 'FORBIDDEN')
  }
  const visible = [
    await call(a, 'GET', '/api/records?limit=100'),
    await call(a, 'GET', `/api/records?doctorId=${doctor.doctorId}`),
    await call(a, 'GET', '/api/records?from=2026-10-01&to=2026-10-01'),
    await call(a, 'GET', '/api/records?page=2&limit=1'),
  ]
  for (const res of visible) {
    t.equal(res.statusCode, 200)
    t.ok(ids(res).every((id: string) => id === aRecord.id), 'only A\'s own records')
  }
  t.strictSame(ids(visible[1]!), [aRecord.id])
  for (const res of [...responses, ...visible]) {
    for (const secret of bSecrets) t.notOk(res.body.includes(secret), `nothing of B: ${secret}`)
  }

  const bLog = await call(b, 'GET', `/api/records/${bRecord.id}/access-log`)
  t.strictSame(bLog.json().data.items.map((e: { action: string, actorUserId: string | null, actorName: string | null, outcome: string }) => [e.action, e.actorUserId, e.actorName, e.outcome]), [
    ['CREATE', doctor.userId, 'dr. Shared', 'ALLOWED'],
    ['READ', null, null, 'DENIED'],
    ['UPDATE', null, null, 'DENIED'],
    ['DELETE', null, null, 'DENIED'],
  ], 'A\'s refused attempts are no reads: B\'s log shows the author by name, and that someone was refused (not who; the two refused reads fold into one entry)')
  t.equal((await call(b, 'GET', `/api/records/${bRecord.id}`)).json().data.record.notes, 'Bob secret notes', 'the refused changes did not touch it')
})
