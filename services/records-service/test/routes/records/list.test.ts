import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { doctorWithProfile, patientWithProfile, putInCare, signUp, writeRecord } from '../../helper.js'
import { RECORD_KEYS, STAFF_RECORD_KEYS, ids, recordsCast } from './cast.js'

const { stack, call, liveRecords, withoutWriting, admin, drAlpha, drBeta, andi, siti } = await recordsCast(t)

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
  // d1 lists as an admin does once both patients are in their care (care-matrix.test.ts: a doctor's list holds only those).
  await putInCare(stack, d1, q.patientId)

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
