import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { careCast, minutes, START } from './care/cast.js'

const lines: Array<Record<string, unknown>> = []
const { call, clock, steppedUp, admin, drOwner, drX, patientWithRecord } = await careCast(t, { logStream: { write: (line) => { lines.push(JSON.parse(line)) } } })
const { patient, record } = await patientWithRecord('Emergency Patient')
const url = `/api/patients/${patient.patientId}/emergency-access`
const REASON = 'Unconscious on arrival; checking allergies and current medication'
const iso = (at: Date) => at.toISOString()
const mrn = (await call(patient, 'GET', '/api/patients/me')).json().data.patient.mrn as string

const STALE = 'This needs a sign-in within the last 300 seconds: confirm it is you, then try again'
const WEAK = 'This needs a sign-in with a second factor: confirm it is you, then try again'

const constant = 'must be equal to constant'
const anyOf = 'must match a schema in anyOf'
let grant: Record<string, unknown>

t.test('break-the-glass needs a doctor, a reason and a fresh second factor', async (t) => {
  assertError(t, await call(drX, 'POST', url, { reason: REASON }), 401, 'STEP_UP_REQUIRED', WEAK)
  assertError(t, await call(steppedUp(drX, 301), 'POST', url, { reason: REASON }), 401, 'STEP_UP_REQUIRED', STALE)
  for (const who of [patient, admin]) assertError(t, await call(steppedUp(who), 'POST', url, { reason: REASON }), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertInvalid(t, await call(steppedUp(drX), 'POST', url, { reason: 'too short' }), 'body.reason', 'must NOT have fewer than 20 characters')
  assertError(t, await call(steppedUp(drOwner), 'POST', url, { reason: REASON }), 409, 'CONFLICT', 'This patient is already in your care: no emergency access is needed')
  assertError(t, await call(steppedUp(drX), 'POST', '/api/patients/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/emergency-access', { reason: REASON }), 404, 'NOT_FOUND', 'Patient not found')
  t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 403, 'no access before')

  const res = await call(steppedUp(drX, 290), 'POST', url, { reason: REASON })
  t.equal(res.statusCode, 201, res.body)
  grant = {
    id: res.json().data.grant.id,
    patient: { id: patient.patientId, mrn, fullName: 'Emergency Patient' },
    doctor: { id: drX.doctorId, fullName: 'dr. X' },
    reason: REASON,
    startsAt: iso(START),
    endsAt: iso(new Date(START.getTime() + minutes(60))),
    active: true,
    reads: 0,
    review: null,
  }
  t.strictSame(res.json(), { success: true, data: { grant }, message: 'Emergency access granted' })
  const line = lines.find((l) => l.msg === 'emergency access granted')
  t.strictSame(line && { level: line.level, event: line.event, grantId: line.grantId, patientId: line.patientId, doctorId: line.doctorId, userId: line.userId },
    { level: 40, event: 'emergency_access_granted', grantId: grant.id, patientId: patient.patientId, doctorId: drX.doctorId, userId: drX.userId }, 'a warn line with ids only')
  t.notOk(JSON.stringify(line).includes('Unconscious'), 'the reason is not logged')
})

t.test('reads under the grant are EMERGENCY, counted, shown to the patient; it ends after 60 minutes', async (t) => {
  t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 200)
  t.equal((await call(drX, 'GET', `/api/patients/${patient.patientId}`)).statusCode, 200)
  const list = await call(drX, 'GET', '/api/patients?search=Emergency')
  t.strictSame(list.json().data.items, [], 'lists hold only patients in care')
  assertError(t, await call(drX, 'POST', '/api/records', { patientId: patient.patientId, visitDate: '2026-11-01', complaint: 'x', diagnosis: 'y', treatment: 'z' }), 403, 'FORBIDDEN',
    'This patient is not in your care: ask to be added to their care team, or use emergency access')

  const mine = await call(patient, 'GET', '/api/patients/me/emergency-access')
  t.strictSame(mine.json(), { success: true, data: { items: [{ ...grant, reads: 2 }] } })
  const log = await call(patient, 'GET', `/api/records/${record.id}/access-log`)
  t.strictSame(log.json().data.items.filter((e: { purpose: string }) => e.purpose === 'EMERGENCY').map((e: { actorUserId: string, outcome: string }) => [e.actorUserId, e.outcome]), [[drX.userId, 'ALLOWED']])

  t.teardown(() => clock.set(START))
  clock.set(new Date(START.getTime() + minutes(60) - 1))
  t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 200, 'a millisecond before the end')
  clock.set(new Date(START.getTime() + minutes(60)))
  t.equal((await call(drX, 'GET', `/api/records/${record.id}`)).statusCode, 403, 'ended')
  t.strictSame((await call(patient, 'GET', '/api/patients/me/emergency-access')).json().data.items.map((g: { active: boolean, reads: number }) => [g.active, g.reads]), [[false, 3]])
})

t.test('the review queue: pending oldest first, one review each', async (t) => {
  const queue = await call(admin, 'GET', '/api/audit/emergency-access')
  t.strictSame(queue.json(), { success: true, data: { items: [{ ...grant, reads: 3 }], page: 1, limit: 20, total: 1 } })
  t.strictSame((await call(admin, 'GET', '/api/audit/emergency-access?status=reviewed')).json().data, { items: [], page: 1, limit: 20, total: 0 })

  const review = { outcome: 'APPROPRIATE', note: 'Admission confirmed by the ward log' }
  const done = await call(admin, 'POST', `/api/audit/emergency-access/${grant.id}/review`, review)
  t.equal(done.statusCode, 200, done.body)
  const reviewed = { ...grant, reads: 3, review: { ...review, reviewedByUserId: admin.userId, reviewedAt: iso(START) } }
  t.strictSame(done.json(), { success: true, data: { grant: reviewed }, message: 'Review saved' })
  assertError(t, await call(admin, 'POST', `/api/audit/emergency-access/${grant.id}/review`, { outcome: 'INAPPROPRIATE', note: 'again' }), 409, 'CONFLICT', 'This emergency access has already been reviewed')
  assertError(t, await call(admin, 'POST', '/api/audit/emergency-access/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/review', review), 404, 'NOT_FOUND', 'Emergency access not found')
  assertInvalid(t, await call(admin, 'POST', `/api/audit/emergency-access/${grant.id}/review`, { outcome: 'FINE', note: 'x' }), 'body.outcome', [constant, constant, anyOf])
  assertInvalid(t, await call(admin, 'GET', '/api/audit/emergency-access?status=open'), 'querystring.status', [constant, constant, constant, anyOf])

  t.strictSame((await call(admin, 'GET', '/api/audit/emergency-access')).json().data.total, 0, 'no longer pending')
  t.strictSame((await call(admin, 'GET', '/api/audit/emergency-access?status=reviewed')).json().data.items, [reviewed])
  t.strictSame((await call(admin, 'GET', '/api/audit/emergency-access?status=all')).json().data.items, [reviewed])
  t.strictSame((await call(patient, 'GET', '/api/patients/me/emergency-access')).json().data.items, [reviewed], 'the patient sees the review')
  for (const who of [drX, patient]) {
    assertError(t, await call(who, 'GET', '/api/audit/emergency-access'), 403, 'FORBIDDEN', 'You do not have permission to do this')
    assertError(t, await call(who, 'POST', `/api/audit/emergency-access/${grant.id}/review`, review), 403, 'FORBIDDEN', 'You do not have permission to do this')
  }
})

t.test('EMERGENCY_ACCESS_MINUTES sets the length of a grant', async (t) => {
  const short = await careCast(t, { env: { EMERGENCY_ACCESS_MINUTES: '15' } })
  const made = await short.patientWithRecord('Short Grant')
  const res = await short.call(short.steppedUp(short.drX), 'POST', `/api/patients/${made.patient.patientId}/emergency-access`, { reason: REASON })
  t.equal(res.json().data.grant.endsAt, iso(new Date(START.getTime() + minutes(15))))
})
