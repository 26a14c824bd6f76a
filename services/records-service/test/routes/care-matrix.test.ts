/**
 * Every patient and record route × role × relationship of a doctor to the patient: allowed (with
 * the purpose its audit row carries) or refused (with its DENIED row, folded on a repeat). One
 * app, one patient per relationship, the clock moved (never slept) for what has expired.
 */
import t from 'tap'
import { careCast, days, minutes, START, windowOf, type Patient } from './care/cast.js'

const { call, clock, steppedUp, rowsOf, denied, admin, drOwner, drX, patientWithRecord } = await careCast(t)

const RELATIONSHIPS = ['none', 'authored', 'assigned', 'granted', 'referred', 'referral expired', 'revoked', 'emergency', 'emergency expired'] as const
type Relationship = typeof RELATIONSHIPS[number]
/** The purpose of dr. X's reads in each relationship; absent: refused. */
const PURPOSE: Partial<Record<Relationship, 'TREATMENT' | 'EMERGENCY'>> = {
  authored: 'TREATMENT', assigned: 'TREATMENT', granted: 'TREATMENT', referred: 'TREATMENT', emergency: 'EMERGENCY',
}
const REASON = 'Patient collapsed in the waiting room; checking allergies and medication'

const ok = (res: { statusCode: number, body: string }, status: number) => {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`)
}

/** Makes dr. X's relationship to the patient (through the API, as people would). */
async function relate (kind: Relationship, patient: Patient) {
  const id = patient.patientId
  switch (kind) {
    case 'none': return
    case 'authored': return ok(await call(admin, 'POST', '/api/records', { patientId: id, doctorId: drX.doctorId, visitDate: '2026-04-01', complaint: 'Chest pain', diagnosis: 'Angina', treatment: 'Nitrates' }), 201)
    case 'assigned': return ok(await call(admin, 'POST', `/api/patients/${id}/care-team`, { doctorId: drX.doctorId }), 201)
    case 'granted': return ok(await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: drX.doctorId }), 201)
    case 'referred': return ok(await call(drOwner, 'POST', `/api/patients/${id}/referrals`, { doctorId: drX.doctorId, note: 'Cardiology opinion' }), 201)
    case 'referral expired': return clock.during(new Date(START.getTime() - days(31)), async () => {
      ok(await call(drOwner, 'POST', `/api/patients/${id}/referrals`, { doctorId: drX.doctorId }), 201)
    })
    case 'revoked':
      ok(await call(patient, 'POST', '/api/patients/me/care-team', { doctorId: drX.doctorId }), 201)
      return ok(await call(patient, 'DELETE', `/api/patients/me/care-team/${drX.doctorId}`), 200)
    case 'emergency': return ok(await call(steppedUp(drX), 'POST', `/api/patients/${id}/emergency-access`, { reason: REASON }), 201)
    case 'emergency expired': return clock.during(new Date(START.getTime() - minutes(61)), async () => {
      ok(await call(steppedUp(drX), 'POST', `/api/patients/${id}/emergency-access`, { reason: REASON }), 201)
    })
  }
}

// One patient per relationship, each with a record by dr. Owner; the referral that expired was
// made 31 days ago, when dr. Owner was already in care.
const cases = new Map<Relationship, Awaited<ReturnType<typeof patientWithRecord>>>()
for (const kind of RELATIONSHIPS) {
  const name = `Matrix ${kind.replace(' ', '-')}`
  const made = kind === 'referral expired'
    ? await clock.during(new Date(START.getTime() - days(32)), () => patientWithRecord(name))
    : await patientWithRecord(name)
  await relate(kind, made.patient)
  cases.set(kind, made)
}

const allowedRead = (purpose: string) => ({ actorUserId: drX.userId, actorRole: 'DOCTOR', action: 'READ', purpose, outcome: 'ALLOWED', reason: null, count: 1, lastAt: null, deniedWindow: null })
const NOT_IN_CARE = 'This patient is not in your care: ask to be added to their care team, or use emergency access'

for (const kind of RELATIONSHIPS) {
  t.test(`dr. X, relationship: ${kind}`, async (t) => {
    const { patient, record } = cases.get(kind)!
    const purpose = PURPOSE[kind]
    const inCare = purpose === 'TREATMENT'

    const byId = await call(drX, 'GET', `/api/records/${record.id}`)
    const profile = await call(drX, 'GET', `/api/patients/${patient.patientId}`)
    if (purpose) {
      t.equal(byId.statusCode, 200, byId.body)
      t.equal(byId.json().data.record.id, record.id)
      t.strictSame(await rowsOf(byId), { records: [{ recordId: record.id, requestId: byId.headers['x-request-id'], ...allowedRead(purpose) }], patients: [] }, `the record read: ${purpose}`)
      t.equal(profile.statusCode, 200, profile.body)
      t.equal(profile.json().data.patient.id, patient.patientId)
      t.strictSame(await rowsOf(profile), { records: [], patients: [{ patientId: patient.patientId, requestId: profile.headers['x-request-id'], ...allowedRead(purpose) }] }, `the profile read: ${purpose}`)
    } else {
      for (const res of [byId, profile]) {
        t.strictSame(res.json(), { success: false, error: { code: 'FORBIDDEN', message: NOT_IN_CARE, requestId: res.headers['x-request-id'] } })
      }
      // The same refusal again within the minute: one row, count 2.
      t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 403)
      const deniedRow = (count: number) => ({ action: 'READ', reason: 'NOT_IN_CARE', count, purpose: 'TREATMENT', actorRole: 'DOCTOR', lastAt: count > 1 ? 'set' : null, deniedWindow: windowOf(START) })
      t.strictSame(await denied('RECORD', record.id, drX), [deniedRow(2)], 'one DENIED row on the record, folded')
      t.strictSame(await denied('PATIENT', patient.patientId, drX), [deniedRow(1)], 'one DENIED row on the profile')
      t.strictSame((await rowsOf(byId)).records.map((row) => row.outcome), ['DENIED'], 'no ALLOWED row for a refused read')
    }

    // Lists show a doctor only the patients in their care; the list of one patient's records also
    // under an emergency grant, each row read logged with its purpose.
    const records = await call(drX, 'GET', `/api/records?patientId=${patient.patientId}&limit=100`)
    t.equal(records.statusCode, 200)
    t.equal(records.json().data.items.some((r: { id: string }) => r.id === record.id), purpose !== undefined, `record list of the patient: ${purpose ? 'listed' : 'not listed'}`)
    if (purpose) {
      t.strictSame((await rowsOf(records)).records.filter((row) => row.recordId === record.id),
        [{ recordId: record.id, requestId: records.headers['x-request-id'], ...allowedRead(purpose) }], `the listed record's read: ${purpose}`)
    }
    const everyList = await call(drX, 'GET', '/api/records?limit=100')
    t.equal(everyList.json().data.items.some((r: { id: string }) => r.id === record.id), inCare, `record list of every patient: ${inCare ? 'listed' : 'not listed'}`)
    const patients = await call(drX, 'GET', `/api/patients?search=${encodeURIComponent(`Matrix ${kind.replace(' ', '-')}`)}`)
    t.strictSame(patients.json().data.items.map((p: { id: string }) => p.id), inCare ? [patient.patientId] : [], `patient list: ${inCare ? 'listed' : 'not listed'}`)

    const team = await call(drX, 'GET', `/api/patients/${patient.patientId}/care-team`)
    t.equal(team.statusCode, inCare ? 200 : 403, 'the care team: doctors in care')

    // Writing: only in care (emergency access reads, never writes).
    const write = await call(drX, 'POST', '/api/records', { patientId: patient.patientId, visitDate: '2026-10-30', complaint: 'Follow-up', diagnosis: 'Stable', treatment: 'Continue' })
    t.equal(write.statusCode, inCare ? 201 : 403, write.body)
    if (!inCare) {
      t.strictSame((await denied('PATIENT', patient.patientId, drX)).filter((row) => row.action === 'CREATE'),
        [{ action: 'CREATE', reason: 'NOT_IN_CARE', count: 1, purpose: 'TREATMENT', actorRole: 'DOCTOR', lastAt: null, deniedWindow: windowOf(START) }])
    }

    // Changing dr. Owner's record: only its author (or an admin), in any relationship.
    const change = await call(drX, 'PATCH', `/api/records/${record.id}`, { notes: 'not mine' })
    t.equal(change.statusCode, 403)
    t.strictSame((await denied('RECORD', record.id, drX)).filter((row) => row.action === 'UPDATE').map((row) => row.reason), ['NOT_AUTHOR'])

    // The trail of a record is its patient's and the admins'.
    const log = await call(drX, 'GET', `/api/records/${record.id}/access-log`)
    t.equal(log.statusCode, 403)
  })
}

t.test('the emergency read is shown to the patient, marked, with dr. X named', async (t) => {
  const { patient, record } = cases.get('emergency')!
  const log = await call(patient, 'GET', `/api/records/${record.id}/access-log`)
  const reads = log.json().data.items.filter((e: { actorUserId: string }) => e.actorUserId === drX.userId)
  // Read by id, then in the list of the patient's records.
  t.strictSame(reads.map((e: { action: string, purpose: string, outcome: string }) => [e.action, e.purpose, e.outcome]), [['READ', 'EMERGENCY', 'ALLOWED'], ['READ', 'EMERGENCY', 'ALLOWED']])
})

t.test('roles: the patient on their own and on another\'s data, an admin on anyone\'s', async (t) => {
  const { patient, record } = cases.get('none')!
  const other = cases.get('assigned')!.patient

  const own = await call(patient, 'GET', `/api/records/${record.id}`)
  t.equal(own.statusCode, 200)
  t.strictSame((await rowsOf(own)).records.map((r) => [r.purpose, r.outcome]), [['PATIENT', 'ALLOWED']])

  const nosy = await call(other, 'GET', `/api/records/${record.id}`)
  t.strictSame(nosy.json().error, { code: 'FORBIDDEN', message: 'This medical record belongs to another patient', requestId: nosy.headers['x-request-id'] })
  t.strictSame(await denied('RECORD', record.id, other), [{ action: 'READ', reason: 'NOT_OWNER', count: 1, purpose: 'PATIENT', actorRole: 'PATIENT', lastAt: null, deniedWindow: windowOf(START) }])
  const list = await call(other, 'GET', `/api/records?patientId=${patient.patientId}`)
  t.equal(list.statusCode, 403)
  t.strictSame((await denied('PATIENT', patient.patientId, other)).map((r) => [r.action, r.reason]), [['READ', 'NOT_OWNER']])
  const staffRoute = await call(other, 'GET', `/api/patients/${patient.patientId}`)
  t.equal(staffRoute.statusCode, 403)
  t.strictSame((await denied('PATIENT', patient.patientId, other)).map((r) => [r.action, r.reason, r.count]), [['READ', 'NOT_OWNER', 2]], 'the role refusal folds into the same minute\'s READ row')

  for (const res of [await call(admin, 'GET', `/api/records/${record.id}`), await call(admin, 'GET', `/api/patients/${patient.patientId}`)]) {
    t.equal(res.statusCode, 200)
    const rows = await rowsOf(res)
    t.strictSame([...rows.records, ...rows.patients].map((r) => [r.actorRole, r.purpose, r.outcome]), [['ADMIN', 'ADMIN', 'ALLOWED']])
  }
  const adminList = await call(admin, 'GET', '/api/patients?search=Matrix&limit=100')
  t.equal(adminList.json().data.total, RELATIONSHIPS.length, 'an admin lists every patient')
})

t.test('a refusal a minute later is a new row; a made-up target leaves no row', async (t) => {
  const { record } = cases.get('revoked')!
  clock.set(new Date(START.getTime() + minutes(1)))
  t.teardown(() => clock.set(START))
  t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 403)
  t.strictSame((await denied('RECORD', record.id, drX)).filter((r) => r.action === 'READ').map((r) => [r.count, r.deniedWindow]), [
    [3, windowOf(START)],
    [1, windowOf(new Date(START.getTime() + minutes(1)))],
  ], 'the first minute: two refused reads of the record and one of its trail; then a new row')
  const ghost = '7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c'
  const someone = cases.get('none')!.patient
  t.equal((await call(someone, 'POST', `/api/patients/${ghost}/care-team`, { doctorId: drOwner.doctorId })).statusCode, 403)
  t.strictSame(await denied('PATIENT', ghost, someone), [])
})
