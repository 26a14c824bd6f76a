import { and, count, eq, isNull, sql } from 'drizzle-orm'
import t, { type Test } from 'tap'
import { medicalRecords, recordAccessLog } from '../../src/db/schema.js'
import { assertError, assertInvalid, optionalField } from '@rekam/testing'
import { buildStaticStack, doctorWithProfile, patientWithProfile, rowCounts, signUp, writeRecord, type Person } from '../helper.js'

// One stack for the file: every subtest makes its own people and records and filters by them.
const stack = await buildStaticStack(t)
const app = stack.records

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
const call = (who: Pick<Person, 'headers'> | null, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) })

const RECORD_KEYS = ['complaint', 'createdAt', 'diagnosis', 'doctor', 'doctorId', 'id', 'notes', 'patientId', 'prescription', 'treatment', 'updatedAt', 'visitDate']
const STAFF_RECORD_KEYS = [...RECORD_KEYS, 'patient'].sort()
const ACCESS_LOG_KEYS = ['action', 'actorRole', 'actorUserId', 'at', 'id', 'recordId', 'requestId']

const liveRecords = async () => {
  const [row] = await app.db.select({ n: count() }).from(medicalRecords).where(isNull(medicalRecords.deletedAt))
  return row?.n ?? 0
}

/** The answer to the request, after checking it wrote nothing at all. */
async function withoutWriting (t: Test, request: () => ReturnType<typeof call>) {
  const before = await rowCounts(stack)
  const res = await request()
  t.strictSame(await rowCounts(stack), before, 'nothing written to medical_records or record_access_log')
  return res
}

const ids = (res: { json (): any }) => res.json().data.items.map((r: { id: string }) => r.id)

// Shared cast: an admin, two doctors with profiles, two patients with profiles.
const admin = await signUp(stack.auth, 'ADMIN')
const drAlpha = await doctorWithProfile(stack, 'dr. Alpha', 'Cardiology')
const drBeta = await doctorWithProfile(stack, 'dr. Beta', 'Neurology')
const andi = await patientWithProfile(stack, 'Andi Records')
const siti = await patientWithProfile(stack, 'Siti Records')

t.test('GET /api/records as a PATIENT: only their own, with the doctor and without a patient key', async (t) => {
  const older = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-01-10' })
  const newer = await writeRecord(stack, drBeta, andi.patientId, { visitDate: '2026-02-10' })
  const theirs = await writeRecord(stack, drAlpha, siti.patientId, { visitDate: '2026-03-10' })

  const res = await call(andi, 'GET', '/api/records')
  t.equal(res.statusCode, 200, res.body)
  t.equal(res.headers['cache-control'], 'no-store')
  t.equal(res.headers.pragma, 'no-cache', 'medical data is not kept by HTTP/1.0 caches either')
  const data = res.json().data
  t.strictSame({ page: data.page, limit: data.limit, total: data.total }, { page: 1, limit: 20, total: 2 })
  t.strictSame(ids(res), [newer.id, older.id], 'newest visit first')
  t.notOk(ids(res).includes(theirs.id))
  for (const item of data.items) {
    t.strictSame(Object.keys(item).sort(), RECORD_KEYS, 'no patient key for a patient')
    t.equal(item.patientId, andi.patientId)
  }
  t.strictSame(data.items[0].doctor, { id: drBeta.doctorId, fullName: 'dr. Beta', specialization: 'Neurology' })
  t.strictSame(data.items[1].doctor, { id: drAlpha.doctorId, fullName: 'dr. Alpha', specialization: 'Cardiology' })

  const ownFilter = await call(andi, 'GET', `/api/records?patientId=${andi.patientId}`)
  t.equal(ownFilter.statusCode, 200)
  t.strictSame(ids(ownFilter), [newer.id, older.id], 'filtering by their own id is allowed')

  assertError(t, await withoutWriting(t, () => call(andi, 'GET', `/api/records?patientId=${siti.patientId}`)), 403, 'FORBIDDEN', 'Patients may list only their own records')

  const nobody = await signUp(stack.auth, 'PATIENT')
  const empty = await call(nobody, 'GET', '/api/records')
  t.equal(empty.statusCode, 200)
  t.strictSame(empty.json(), { success: true, data: { items: [], page: 1, limit: 20, total: 0 } })
})

t.test('GET /api/records as DOCTOR and ADMIN: every record, with doctor and patient summaries', async (t) => {
  const byAlpha = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-04-01' })
  const byBeta = await writeRecord(stack, drBeta, siti.patientId, { visitDate: '2026-04-02' })
  for (const [name, who] of [['another doctor', drBeta], ['the author', drAlpha], ['admin', admin]] as const) {
    const res = await call(who, 'GET', '/api/records?limit=100')
    t.equal(res.statusCode, 200, `${name}: ${res.statusCode}`)
    const data = res.json().data
    t.equal(data.total, await liveRecords(), `${name} sees every live record`)
    const alphaItem = data.items.find((r: { id: string }) => r.id === byAlpha.id)
    const betaItem = data.items.find((r: { id: string }) => r.id === byBeta.id)
    t.strictSame(Object.keys(alphaItem).sort(), STAFF_RECORD_KEYS)
    t.strictSame(alphaItem.patient, { id: andi.patientId, fullName: 'Andi Records', dateOfBirth: '1990-01-01' }, `${name}: patient summary`)
    t.strictSame(alphaItem.doctor, { id: drAlpha.doctorId, fullName: 'dr. Alpha', specialization: 'Cardiology' })
    t.strictSame(betaItem.patient, { id: siti.patientId, fullName: 'Siti Records', dateOfBirth: '1990-01-01' })
    t.strictSame(betaItem.doctor, { id: drBeta.doctorId, fullName: 'dr. Beta', specialization: 'Neurology' })
  }
})

t.test('GET /api/records filters: patientId, doctorId and an inclusive visit-date range', async (t) => {
  const p = await patientWithProfile(stack, 'Filter Patient')
  const q = await patientWithProfile(stack, 'Filter Other')
  const d1 = await doctorWithProfile(stack, 'dr. Filter One')
  const d2 = await doctorWithProfile(stack, 'dr. Filter Two')
  const r1 = await writeRecord(stack, d1, p.patientId, { visitDate: '2026-03-01' })
  const r2 = await writeRecord(stack, d1, p.patientId, { visitDate: '2026-03-15' })
  const r3 = await writeRecord(stack, d2, p.patientId, { visitDate: '2026-03-31' })
  const r4 = await writeRecord(stack, d2, q.patientId, { visitDate: '2026-03-15' })

  const cases: Array<[string, string[]]> = [
    [`patientId=${p.patientId}`, [r3.id, r2.id, r1.id]],
    [`patientId=${q.patientId}`, [r4.id]],
    [`doctorId=${d1.doctorId}`, [r2.id, r1.id]],
    [`doctorId=${d2.doctorId}`, [r3.id, r4.id]],
    [`patientId=${p.patientId}&doctorId=${d2.doctorId}`, [r3.id]],
    [`patientId=${p.patientId}&from=2026-03-15&to=2026-03-31`, [r3.id, r2.id]],
    [`patientId=${p.patientId}&from=2026-03-15&to=2026-03-15`, [r2.id]],
    [`patientId=${p.patientId}&from=2026-03-16`, [r3.id]],
    [`patientId=${p.patientId}&to=2026-03-14`, [r1.id]],
    [`patientId=${p.patientId}&from=2026-04-01`, []],
    [`doctorId=${d2.doctorId}&from=2026-03-15&to=2026-03-15`, [r4.id]],
  ]
  for (const who of [d1, admin]) {
    for (const [query, wanted] of cases) {
      const res = await call(who, 'GET', `/api/records?${query}`)
      t.equal(res.statusCode, 200, query)
      t.strictSame(ids(res), wanted, query)
      t.equal(res.json().data.total, wanted.length, `${query}: total`)
    }
  }
  // A doctor filtering by a patient or doctor that has no records gets an empty page, not an error.
  const none = await call(d1, 'GET', '/api/records?patientId=00000000-0000-4000-8000-000000000000')
  t.strictSame(none.json(), { success: true, data: { items: [], page: 1, limit: 20, total: 0 } })
})

t.test('GET /api/records pagination: page, limit and total stay right across pages, newest first', async (t) => {
  const p = await patientWithProfile(stack, 'Paging Patient')
  const dates = ['2026-04-03', '2026-04-01', '2026-04-05', '2026-04-02', '2026-04-04']
  const byDate = new Map<string, string>()
  for (const visitDate of dates) byDate.set(visitDate, (await writeRecord(stack, drAlpha, p.patientId, { visitDate })).id)
  const newestFirst = [...dates].sort().reverse().map((d) => byDate.get(d)!)

  const seen: string[] = []
  for (const [page, size] of [[1, 2], [2, 2], [3, 1], [4, 0]] as const) {
    for (const who of [drAlpha, admin, p]) {
      const res = await call(who, 'GET', `/api/records?patientId=${p.patientId}&limit=2&page=${page}`)
      t.equal(res.statusCode, 200)
      const data = res.json().data
      t.strictSame({ page: data.page, limit: data.limit, total: data.total }, { page, limit: 2, total: 5 }, `page ${page}`)
      t.equal(data.items.length, size, `page ${page} size`)
      t.strictSame(ids(res), newestFirst.slice((page - 1) * 2, (page - 1) * 2 + 2), `page ${page} order`)
      if (who === admin) seen.push(...ids(res))
    }
  }
  t.strictSame(seen, newestFirst, 'the pages together are every record once, newest first')

  const max = await call(p, 'GET', '/api/records?limit=100')
  t.strictSame({ limit: max.json().data.limit, total: max.json().data.total }, { limit: 100, total: 5 })
})

t.test('GET /api/records refuses invalid queries with 400 VALIDATION_ERROR and writes nothing', async (t) => {
  const uuid = 'must match format "uuid"'
  const date = 'must match format "date"'
  const cases: Array<[string, string, string]> = [
    ['patientId=not-a-uuid', 'querystring.patientId', uuid],
    ['doctorId=123', 'querystring.doctorId', uuid],
    ['from=2026-13-40', 'querystring.from', date],
    ['to=2026-02-30', 'querystring.to', date],
    ['from=2026-5-1', 'querystring.from', date],
    ['limit=0', 'querystring.limit', 'must be >= 1'],
    ['limit=101', 'querystring.limit', 'must be <= 100'],
    ['limit=ten', 'querystring.limit', 'must be integer'],
    ['page=-1', 'querystring.page', 'must be >= 1'],
    ['page=0', 'querystring.page', 'must be >= 1'],
    ['page=1.5', 'querystring.page', 'must be integer'],
    ['unknown=1', 'querystring.unknown', "unknown property 'unknown'"],
    ['patientId=7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c&patientId=7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9d', 'querystring.patientId', 'must be string'],
  ]
  for (const who of [drAlpha, admin, andi]) {
    for (const [query, field, rule] of cases) {
      t.comment(query)
      assertInvalid(t, await withoutWriting(t, () => call(who, 'GET', `/api/records?${query}`)), field, rule)
    }
    // A rule across two fields: the message names both, the detail the first.
    const reversed = await withoutWriting(t, () => call(who, 'GET', '/api/records?from=2026-05-02&to=2026-05-01'))
    assertError(t, reversed, 400, 'VALIDATION_ERROR', 'querystring.from must not be after querystring.to', [{ field: 'querystring.from', message: 'must not be after to' }])
  }
})

t.test('GET /api/records/:id', async (t) => {
  const mine = await writeRecord(stack, drAlpha, andi.patientId, { visitDate: '2026-05-05', prescription: 'Vitamin C', notes: 'Come back in a week' })
  const theirs = await writeRecord(stack, drBeta, siti.patientId, { complaint: 'Siti private complaint', diagnosis: 'Siti private diagnosis' })

  const own = await call(andi, 'GET', `/api/records/${mine.id}`)
  t.equal(own.statusCode, 200, own.body)
  t.equal(own.headers['cache-control'], 'no-store')
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
  })
  t.strictSame(Object.keys(record).sort(), RECORD_KEYS, 'a patient gets no patient key')

  for (const who of [drBeta, admin]) {
    const staff = await call(who, 'GET', `/api/records/${mine.id}`)
    t.equal(staff.statusCode, 200, 'staff read any record')
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

t.test('POST /api/records', async (t) => {
  const full = { patientId: andi.patientId, visitDate: '2026-06-01', complaint: 'Back pain', diagnosis: 'Strain', treatment: 'Physiotherapy', prescription: 'Ibuprofen', notes: 'Lifting at work' }

  t.test('a DOCTOR creates as themselves: 201 with their doctorId', async (t) => {
    const res = await call(drAlpha, 'POST', '/api/records', full)
    t.equal(res.statusCode, 201, res.body)
    t.equal(res.headers['cache-control'], 'no-store')
    const body = res.json()
    t.equal(body.message, 'Medical record created')
    const { record } = body.data
    t.match(record, { ...full, doctorId: drAlpha.doctorId })
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
    assertError(t, await withoutWriting(t, () => app.inject({ method: 'POST', url: '/api/records', headers: { ...drAlpha.headers, 'content-type': 'text/plain' }, payload: 'hello' })), 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type')
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
  t.strictSame(updated, { ...original, diagnosis: 'Bronchitis', prescription: null, updatedAt: updated.updatedAt }, 'only the sent fields change')
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

  assertError(t, await withoutWriting(t, () => call(drBeta, 'DELETE', `/api/records/${record.id}`)), 403, 'FORBIDDEN', 'Only the doctor who wrote this record (or an admin) may change it')
  assertError(t, await withoutWriting(t, () => call(andi, 'DELETE', `/api/records/${record.id}`)), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await withoutWriting(t, () => call(null, 'DELETE', `/api/records/${record.id}`)), 401, 'UNAUTHORIZED', 'A bearer access token is required')
  t.equal((await call(andi, 'GET', `/api/records/${record.id}`)).statusCode, 200, 'still there after the refusals')

  const res = await call(drAlpha, 'DELETE', `/api/records/${record.id}`)
  t.equal(res.statusCode, 200, res.body)
  t.strictSame(res.json(), { success: true, data: null, message: 'Medical record deleted' })

  for (const who of [andi, drAlpha, admin]) {
    assertError(t, await call(who, 'GET', `/api/records/${record.id}`), 404, 'NOT_FOUND', 'Medical record not found')
    const list = await call(who, 'GET', `/api/records?patientId=${andi.patientId}&limit=100`)
    t.notOk(ids(list).includes(record.id), 'no longer listed')
    t.ok(ids(list).includes(other.id))
  }
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'PATCH', `/api/records/${record.id}`, { notes: 'x' })), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await withoutWriting(t, () => call(drAlpha, 'DELETE', `/api/records/${record.id}`)), 404, 'NOT_FOUND', 'Medical record not found')
  assertError(t, await withoutWriting(t, () => call(admin, 'DELETE', '/api/records/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c')), 404, 'NOT_FOUND', 'Medical record not found')

  const [kept] = await app.db.select().from(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.ok(kept?.deletedAt instanceof Date, 'the row is kept, hidden, for the audit trail')
  t.equal(kept?.complaint, 'To be deleted')

  const byAdmin = await call(admin, 'DELETE', `/api/records/${other.id}`)
  t.equal(byAdmin.statusCode, 200, byAdmin.body)
  assertError(t, await call(andi, 'GET', `/api/records/${other.id}`), 404, 'NOT_FOUND', 'Medical record not found')
})

t.test('the access log: every read and write, with actor, role and request id', async (t) => {
  const p = await patientWithProfile(stack, 'Audited Patient')
  const stranger = await patientWithProfile(stack, 'Stranger Patient')
  const d = await doctorWithProfile(stack, 'dr. Audit')
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

  const expected = steps.map((s) => ({ recordId, action: s.action, actorUserId: s.actor.userId, actorRole: s.role, requestId: s.requestId }))
  const asEntries = (res: { json (): any }) => res.json().data.items.map((e: Record<string, unknown>) => ({ recordId: e.recordId, action: e.action, actorUserId: e.actorUserId, actorRole: e.actorRole, requestId: e.requestId }))

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

  const deleted = await call(d, 'DELETE', `/api/records/${recordId}`)
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
  // Records are only ever soft-deleted through the API; a row removed beneath it keeps its trail.
  await app.db.delete(medicalRecords).where(eq(medicalRecords.id, record.id))
  t.equal((await logged())[0]?.n, 4, 'the trail is not erased with the record')
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
    await call(a, 'DELETE', `/api/records/${bRecord.id}`),
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
  t.strictSame(bLog.json().data.items.map((e: { action: string, actorUserId: string }) => [e.action, e.actorUserId]), [['CREATE', doctor.userId]], 'A\'s refused attempts are no reads: B\'s log shows nobody but the author')
  t.equal((await call(b, 'GET', `/api/records/${bRecord.id}`)).json().data.record.notes, 'Bob secret notes', 'the refused changes did not touch it')
})
