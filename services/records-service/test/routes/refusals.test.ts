import t from 'tap'
import { assertError, assertInvalid } from '@rekam/testing'
import { patientWithProfile } from '../helper.js'
import { careCast, START } from './care/cast.js'

const { stack, call, clock, admin, drX, patientWithRecord } = await careCast(t)
const { patient, record } = await patientWithRecord('Refused Patient')
const other = await patientWithProfile(stack, 'Curious Patient')
const iso = (at: Date) => at.toISOString()

t.test('refusals: listed for admins newest first, folded, and shown to the patient without who', async (t) => {
  const byDoctor = await call(drX, 'GET', `/api/records/${record.id}`)
  await call(drX, 'GET', `/api/records/${record.id}`)
  clock.set(new Date(START.getTime() + 60_000))
  t.teardown(() => clock.set(START))
  const byPatient = await call(other, 'GET', `/api/patients/${patient.patientId}`)

  const res = await call(admin, 'GET', '/api/audit/refusals')
  t.equal(res.statusCode, 200, res.body)
  const items = res.json().data.items
  for (const item of items) t.match(item, { id: /^[0-9a-f-]{36}$/, at: /^\d{4}-/ })
  t.strictSame(items.map(({ id, at, lastAt, ...rest }: Record<string, unknown>) => ({ ...rest, lastAt: lastAt === null ? null : 'set' })), [
    { target: 'PATIENT', targetId: patient.patientId, actorUserId: other.userId, actorRole: 'PATIENT', action: 'READ', reason: 'ROLE', count: 1, lastAt: null, requestId: byPatient.headers['x-request-id'] },
    { target: 'RECORD', targetId: record.id, actorUserId: drX.userId, actorRole: 'DOCTOR', action: 'READ', reason: 'NOT_IN_CARE', count: 2, lastAt: 'set', requestId: byDoctor.headers['x-request-id'] },
  ])
  t.strictSame({ page: res.json().data.page, limit: res.json().data.limit, total: res.json().data.total }, { page: 1, limit: 20, total: 2 })
  t.strictSame((await call(admin, 'GET', '/api/audit/refusals?limit=1&page=2')).json().data.items.map((i: { target: string }) => i.target), ['RECORD'])

  // The record's trail: the admin sees who was refused (by name too); the patient only that someone (a doctor) was.
  const entry = (res: { json (): any }) => res.json().data.items.filter((e: { outcome: string }) => e.outcome === 'DENIED')
    .map((e: Record<string, unknown>) => ({ actorUserId: e.actorUserId, actorRole: e.actorRole, actorName: e.actorName, purpose: e.purpose, reason: e.reason, count: e.count }))
  t.strictSame(entry(await call(admin, 'GET', `/api/records/${record.id}/access-log`)), [{ actorUserId: drX.userId, actorRole: 'DOCTOR', actorName: 'dr. X', purpose: 'TREATMENT', reason: 'NOT_IN_CARE', count: 2 }])
  t.strictSame(entry(await call(patient, 'GET', `/api/records/${record.id}/access-log`)), [{ actorUserId: null, actorRole: 'DOCTOR', actorName: null, purpose: 'TREATMENT', reason: 'NOT_IN_CARE', count: 2 }])
  t.ok(items.every((i: { at: string }) => i.at <= iso(new Date())), 'times are the database\'s')
})

t.test('a profile\'s trail: the patient\'s own, and any for an admin', async (t) => {
  const read = await call(admin, 'GET', `/api/patients/${patient.patientId}`)
  const entries = (res: { json (): any }) => res.json().data.items.map(({ id, at, ...rest }: Record<string, unknown>) => rest)
  // Neither a patient nor an admin has a doctor profile to name them by.
  const deniedEntry = { patientId: patient.patientId, actorRole: 'PATIENT', actorName: null, action: 'READ', purpose: 'PATIENT', outcome: 'DENIED', reason: 'ROLE', count: 1, lastAt: null }
  const adminRead = { patientId: patient.patientId, actorUserId: admin.userId, actorRole: 'ADMIN', actorName: null, action: 'READ', purpose: 'ADMIN', outcome: 'ALLOWED', reason: null, count: 1, lastAt: null, requestId: read.headers['x-request-id'] }
  const own = await call(patient, 'GET', '/api/patients/me/access-log')
  t.equal(own.statusCode, 200, own.body)
  const refusedBy = (await call(admin, 'GET', '/api/audit/refusals')).json().data.items.find((i: { target: string }) => i.target === 'PATIENT')
  t.strictSame(entries(own), [{ ...deniedEntry, actorUserId: null, requestId: refusedBy.requestId }, adminRead], 'the patient: someone (a patient) was refused, and the admin read it')
  t.strictSame({ page: own.json().data.page, total: own.json().data.total }, { page: 1, total: 2 })
  const any = await call(admin, 'GET', `/api/patients/${patient.patientId}/access-log?limit=1`)
  t.strictSame(entries(any), [{ ...deniedEntry, actorUserId: other.userId, requestId: refusedBy.requestId }], 'an admin sees who')
  t.equal(any.json().data.total, 2)
  assertError(t, await call(drX, 'GET', `/api/patients/${patient.patientId}/access-log`), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertError(t, await call(admin, 'GET', '/api/patients/7d1f5f0e-8b0a-4c4e-9a57-3f1f0a6f0b9c/access-log'), 404, 'NOT_FOUND', 'Patient not found')
  assertError(t, await call(admin, 'GET', '/api/patients/me/access-log'), 403, 'FORBIDDEN', 'You do not have permission to do this')
})

t.test('only admins list refusals', async (t) => {
  for (const who of [drX, patient]) assertError(t, await call(who, 'GET', '/api/audit/refusals'), 403, 'FORBIDDEN', 'You do not have permission to do this')
  assertInvalid(t, await call(admin, 'GET', '/api/audit/refusals?target=RECORD'), 'querystring.target', "unknown property 'target'")
  assertError(t, await call(null, 'GET', '/api/audit/refusals'), 401, 'UNAUTHORIZED', 'A bearer access token is required')
})
